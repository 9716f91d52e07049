-- DropIndex
DROP INDEX "ResellerPrice_resellerId_planId_key";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "billingCurrency" TEXT NOT NULL DEFAULT 'usd';

-- AlterTable
ALTER TABLE "ResellerPrice" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'usd';

-- CreateTable
CREATE TABLE "PlanPrice" (
    "planId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "stripeLookupKey" TEXT NOT NULL,
    "overageLookupKey" TEXT,
    "overagePer1000Cents" INTEGER,
    "resellerFloorCents" INTEGER,

    CONSTRAINT "PlanPrice_pkey" PRIMARY KEY ("planId","currency")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanPrice_stripeLookupKey_key" ON "PlanPrice"("stripeLookupKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanPrice_overageLookupKey_key" ON "PlanPrice"("overageLookupKey");

-- CreateIndex
CREATE UNIQUE INDEX "ResellerPrice_resellerId_planId_currency_key" ON "ResellerPrice"("resellerId", "planId", "currency");

-- AddForeignKey
ALTER TABLE "PlanPrice" ADD CONSTRAINT "PlanPrice_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: the paid plans in euros and pounds (lib/billing/plan-catalog.ts, `prices`), each a
-- Stripe price of its own by lookup key. Existing rows are left alone (an operator may have
-- edited them); the seed re-applies the catalog.
INSERT INTO "PlanPrice" ("planId", "currency", "amountCents", "stripeLookupKey", "overageLookupKey", "overagePer1000Cents") VALUES
  ('basic', 'eur', 2700, 'waypoint_basic_monthly_eur', 'waypoint_basic_api_overage_eur', 90),
  ('basic', 'gbp', 2300, 'waypoint_basic_monthly_gbp', 'waypoint_basic_api_overage_gbp', 80),
  ('pro', 'eur', 9200, 'waypoint_pro_monthly_eur', 'waypoint_pro_api_overage_eur', 75),
  ('pro', 'gbp', 7900, 'waypoint_pro_monthly_gbp', 'waypoint_pro_api_overage_gbp', 65),
  ('enterprise', 'eur', 27900, 'waypoint_enterprise_monthly_eur', 'waypoint_enterprise_api_overage_eur', 45),
  ('enterprise', 'gbp', 23900, 'waypoint_enterprise_monthly_gbp', 'waypoint_enterprise_api_overage_gbp', 40)
ON CONFLICT ("planId", "currency") DO NOTHING;
