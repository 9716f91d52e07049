import { can, requireFeature, type PlanHolder } from '../billing/entitlements.ts';

// Whether a workspace's plan includes directory sync: the billing entitlements decide (the
// plan's features in the Plan table, 'scim').

export function scimAvailable(tenant: PlanHolder): Promise<boolean> {
  return can(tenant, 'scim');
}

/** 403 plan_upgrade_required, naming the plan that includes directory sync, unless the workspace's plan has it. */
export function assertScimAvailable(tenant: PlanHolder): Promise<void> {
  return requireFeature(tenant, 'scim');
}
