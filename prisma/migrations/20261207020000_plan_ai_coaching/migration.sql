-- Written by hand (no schema change): the AI coach as a plan feature (ai_coaching on Pro and
-- Enterprise) and each plan's monthly coach token budget, as lib/billing/plan-catalog.ts ships
-- them. A plan an operator already gave the feature keeps it once.
UPDATE "Plan" SET "features" = array_append("features", 'ai_coaching')
  WHERE "id" IN ('pro', 'enterprise') AND NOT ('ai_coaching' = ANY("features"));
UPDATE "Plan" SET "limits" = jsonb_set("limits", '{coachTokensPerMonth}', to_jsonb(CASE "id"
    WHEN 'pro' THEN 200000
    WHEN 'enterprise' THEN 1000000
    ELSE 0 END))
  WHERE NOT ("limits" ? 'coachTokensPerMonth');
