import { can, requireFeature, type PlanHolder } from '../billing/entitlements.ts';

// Whether a workspace's plan includes single sign-on: the billing entitlements decide
// (the plan's features in the Plan table, 'sso'). Directory sync has its own feature,
// 'scim' (lib/scim/scim-plan.ts).

export function ssoAvailable(tenant: PlanHolder): Promise<boolean> {
  return can(tenant, 'sso');
}

/** 403 plan_upgrade_required, naming the plan that includes SSO, unless the workspace's plan has it. */
export function assertSsoAvailable(tenant: PlanHolder): Promise<void> {
  return requireFeature(tenant, 'sso');
}
