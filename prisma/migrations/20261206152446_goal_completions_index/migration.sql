-- CreateIndex
CREATE INDEX "Goal_tenantId_completedById_completedAt_idx" ON "Goal"("tenantId", "completedById", "completedAt");
