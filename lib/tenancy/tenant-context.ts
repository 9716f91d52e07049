import type { PlanOverride } from '../billing/overrides.ts';
import type { Role, TenantStatus } from '../db/generated/enums.ts';
import type { LocalizedTerminology, Terminology } from '../branding/terminology.ts';

/** What the app needs to know about the current tenant on every request (cached). */
export interface TenantContext {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  timeZone: string;
  /** BCP 47; dates and numbers for members who have not picked their own. */
  locale: string;
  defaultRole: Role;
  /** Admins and owners must use two-factor sign-in (lib/auth/two-factor-policy.ts). */
  requireTwoFactor: boolean;
  /** Billing plan: caps API key tiers and quotas. During a trial, the trial's plan. */
  plan: string;
  /** When the trial ends (status "trial"); kept after it as history. lib/billing/trials.ts. */
  trialEndsAt: Date | null;
  /** The operator's overrides of its plan (lib/billing/overrides.ts), applied by planOf(). */
  overrides: PlanOverride[];
  branding: TenantBranding;
}

export interface TenantBranding {
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  /** Already sanitized: safe to put inside a <style> element. */
  customCss: string;
  hidePoweredBy: boolean;
  /** The workspace's words in English (the catalog's other languages: localizedTerminology). */
  terminology: Terminology;
  localizedTerminology: LocalizedTerminology;
  emailFromName: string | null;
  supportEmail: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
}

/** Tenants in these states are served; the others get the "suspended" page. */
export function isServable(status: TenantStatus): boolean {
  return status === 'trial' || status === 'active' || status === 'past_due';
}
