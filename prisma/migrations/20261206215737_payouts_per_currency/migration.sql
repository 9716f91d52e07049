-- DropIndex
DROP INDEX "Payout_resellerId_periodStart_key";

-- DropIndex
DROP INDEX "Payout_partnerId_periodStart_key";

-- CreateIndex
CREATE UNIQUE INDEX "Payout_resellerId_periodStart_currency_key" ON "Payout"("resellerId", "periodStart", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_partnerId_periodStart_currency_key" ON "Payout"("partnerId", "periodStart", "currency");
