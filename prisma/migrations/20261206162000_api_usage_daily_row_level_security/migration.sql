-- Written by hand: ApiUsageDaily (20261206161204_api_usage_daily) is a tenant's table made after
-- row-level security (20261206150000_row_level_security), so it gets the same policy here. A
-- database that applied the table before that migration (a branch's) has the policy already.
ALTER TABLE "ApiUsageDaily" ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON "ApiUsageDaily";
CREATE POLICY tenant_isolation ON "ApiUsageDaily" TO waypoint_tenant
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
