-- The reseller dashboard's latest commissions and its 12-month trend read a reseller's
-- commissions by date; through (resellerId, status, availableAt) they read all of them.
CREATE INDEX "Commission_resellerId_createdAt_idx" ON "Commission"("resellerId", "createdAt");
