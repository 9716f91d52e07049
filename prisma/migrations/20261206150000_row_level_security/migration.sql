-- Written by hand (Prisma does not model roles or policies): row-level security as a backstop
-- under tenantDb() (lib/db/tenant-db.ts). tenantDb's queries run in a transaction that switches
-- to the role waypoint_tenant and sets app.tenant_id (lib/db/tenant-session.ts); the policies
-- below then show that role one workspace's rows only, and refuse writing another's. The
-- connecting role owns the tables and RLS is not forced, so it bypasses the policies: that is
-- the platform role (jobs, the operator console, sign-in). See README, "Row-level security".

-- The role is cluster-wide: several databases on one server share it. Where the migrating user
-- may not create roles (some managed PostgreSQL), a DBA creates it first and grants it to the
-- app's user; then this block does nothing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'waypoint_tenant') THEN
    CREATE ROLE waypoint_tenant NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database's migration created it at the same moment
END $$;

-- SET ROLE needs membership (a superuser has it implicitly).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'waypoint_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT waypoint_tenant TO %I', current_user);
  END IF;
END $$;

-- Tenant-scoped queries also read platform tables (a membership's user, a plan), so the role
-- may use every table; RLS limits the tenant-owned ones. Tables made by later migrations get
-- the same grants by default.
DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO waypoint_tenant', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO waypoint_tenant', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO waypoint_tenant', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO waypoint_tenant', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO waypoint_tenant', current_schema());
END $$;
REVOKE ALL ON "_prisma_migrations" FROM waypoint_tenant;

-- Every table with a "tenantId" column. A table added later needs the same two statements
-- (tests/integration/row-level-security.test.ts fails until it has them).
DO $$
DECLARE
  name text;
BEGIN
  FOR name IN
    SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attname = 'tenantId' AND NOT a.attisdropped
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
    EXECUTE format($policy$CREATE POLICY tenant_isolation ON %I TO waypoint_tenant
      USING ("tenantId" = current_setting('app.tenant_id', true))
      WITH CHECK ("tenantId" = current_setting('app.tenant_id', true))$policy$, name);
  END LOOP;
END $$;

ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant" TO waypoint_tenant
  USING (id = current_setting('app.tenant_id', true))
  WITH CHECK (id = current_setting('app.tenant_id', true));

-- By design a workspace reads an OAuth app registered by another one when it has granted it
-- (its connected apps list shows the app's name and its maker's workspace name): read only.
CREATE POLICY granted_app ON "OAuthApp" FOR SELECT TO waypoint_tenant
  USING (EXISTS (SELECT 1 FROM "OAuthGrant" g WHERE g."appId" = "OAuthApp".id AND g."tenantId" = current_setting('app.tenant_id', true)));
CREATE POLICY granted_app_maker ON "Tenant" FOR SELECT TO waypoint_tenant
  USING (EXISTS (SELECT 1 FROM "OAuthApp" a WHERE a."tenantId" = "Tenant".id));
