-- Data only: the four plans (lib/billing/plan-catalog.ts), so every database the app runs
-- on has them. Existing rows are left alone (an operator may have edited them); the seed
-- (npm run db:seed) re-applies the catalog.
INSERT INTO "Plan" ("id", "name", "priceCents", "stripeLookupKey", "overageLookupKey", "limits", "features", "sortOrder", "updatedAt") VALUES
  ('free', 'Free', 0, NULL, NULL, '{"members": 5, "apiRequestsPerMonth": 1000, "maxKeyTier": "free"}', ARRAY[]::TEXT[], 0, CURRENT_TIMESTAMP),
  ('basic', 'Basic', 2900, 'waypoint_basic_monthly', 'waypoint_basic_api_overage', '{"members": 25, "apiRequestsPerMonth": 10000, "maxKeyTier": "developer"}', ARRAY['api', 'analytics'], 1, CURRENT_TIMESTAMP),
  ('pro', 'Pro', 9900, 'waypoint_pro_monthly', 'waypoint_pro_api_overage', '{"members": 100, "apiRequestsPerMonth": 100000, "maxKeyTier": "business"}', ARRAY['api', 'analytics', 'custom_branding', 'hide_powered_by', 'webhooks'], 2, CURRENT_TIMESTAMP),
  ('enterprise', 'Enterprise', 29900, 'waypoint_enterprise_monthly', 'waypoint_enterprise_api_overage', '{"members": 1000, "apiRequestsPerMonth": 1000000, "maxKeyTier": "enterprise"}', ARRAY['api', 'analytics', 'custom_branding', 'hide_powered_by', 'webhooks', 'custom_domain', 'sso', 'scim', 'oauth_apps', 'white_label'], 3, CURRENT_TIMESTAMP)
ON CONFLICT ("id") DO NOTHING;
