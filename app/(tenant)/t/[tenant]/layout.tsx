import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CONSOLE_NAMESPACES, ClientMessages } from '@/lib/i18n/client-messages';
import { TrialBanner } from '@/components/billing/trial-banner';
import { LiveProvider } from '@/components/live/live-provider';
import { ImpersonationBanner } from '@/components/platform/impersonation-banner';
import { TenantFooter } from '@/components/tenant/tenant-footer';
import { TenantHeader } from '@/components/tenant/tenant-header';
import { getCurrentMember } from '@/lib/auth/session';
import { coachAvailable } from '@/lib/coach/availability';
import { brandCss } from '@/lib/branding/brand-style';
import { FormatProvider } from '@/lib/format/format-context';
import { getFormatSettings, getFormatter } from '@/lib/format/server';
import { leaderboardsEnabled } from '@/lib/leaderboards/leaderboards';
import { marketplaceShown } from '@/lib/marketplace/visibility';
import { requireTenant } from '@/lib/tenancy/current-tenant';

type Params = Promise<{ tenant: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tenant = await requireTenant((await params).tenant);
  const icon = tenant.branding.faviconUrl ?? tenant.branding.logoUrl;
  const t = await getTranslations('common');
  return {
    // absolute: a white-label page never carries the platform's name.
    title: { absolute: tenant.name, template: `%s · ${tenant.name}` },
    description: t('workspaceDescription', { workspace: tenant.name }),
    icons: icon ? [{ url: icon }] : undefined,
  };
}

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Params }) {
  const tenant = await requireTenant((await params).tenant);
  const member = await getCurrentMember(tenant);
  // Signed-in members get the tab's live stream (components/live); the signed-out pages do not.
  const shell = (
    <div className="flex min-h-screen flex-col" data-tenant={tenant.slug}>
      <style dangerouslySetInnerHTML={{ __html: brandCss(tenant.branding) }} />
      {tenant.branding.customCss ? <style data-custom-css dangerouslySetInnerHTML={{ __html: tenant.branding.customCss }} /> : null}
      <TenantHeader tenant={tenant} member={member} showApps={member ? await marketplaceShown(tenant.id) : false} showLeaderboards={member ? await leaderboardsEnabled(tenant.id) : false} showCoach={member ? await coachAvailable(tenant) : false} />
      {member?.impersonation ? (
        <ImpersonationBanner
          member={member.name ? `${member.name} (${member.email})` : member.email}
          operatorEmail={member.impersonation.operatorEmail}
          readOnly={member.impersonation.readOnly}
          endsAt={member.impersonation.expiresAt.toISOString()}
          endsAtLabel={(await getFormatter(tenant)).time(member.impersonation.expiresAt)}
        />
      ) : null}
      <TrialBanner tenant={tenant} member={member} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <FormatProvider settings={await getFormatSettings(tenant)}>{children}</FormatProvider>
      </main>
      <TenantFooter tenant={tenant} />
    </div>
  );
  // The workspace's pages: every client word but the consoles' and the docs' (their layout has its own).
  return <ClientMessages except={CONSOLE_NAMESPACES}>{member ? <LiveProvider>{shell}</LiveProvider> : shell}</ClientMessages>;
}
