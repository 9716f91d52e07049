-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "temporary" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ApiKey_tenantId_createdById_temporary_createdAt_idx" ON "ApiKey"("tenantId", "createdById", "temporary", "createdAt");
