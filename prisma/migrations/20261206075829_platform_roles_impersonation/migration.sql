-- CreateEnum
CREATE TYPE "PlatformRole" AS ENUM ('owner', 'support', 'billing', 'read_only');

-- CreateEnum
CREATE TYPE "ImpersonationStatus" AS ENUM ('pending', 'approved', 'denied', 'active', 'ended');

-- AlterEnum
ALTER TYPE "SignInMethod" ADD VALUE 'impersonation';

-- AlterEnum
ALTER TYPE "SessionEndReason" ADD VALUE 'impersonation_ended';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "impersonationApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable: every existing platform admin becomes an owner of the platform's staff.
ALTER TABLE "User" ADD COLUMN     "platformRole" "PlatformRole";
UPDATE "User" SET "platformRole" = 'owner' WHERE "isPlatformAdmin";
ALTER TABLE "User" DROP COLUMN "isPlatformAdmin";

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "impersonationId" TEXT;

-- CreateTable
CREATE TABLE "Impersonation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "operatorId" TEXT NOT NULL,
    "operatorEmail" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "readOnly" BOOLEAN NOT NULL DEFAULT true,
    "durationMinutes" INTEGER NOT NULL,
    "status" "ImpersonationStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "startedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,
    "tokenHash" TEXT,

    CONSTRAINT "Impersonation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Impersonation_tokenHash_key" ON "Impersonation"("tokenHash");

-- CreateIndex
CREATE INDEX "Impersonation_tenantId_createdAt_idx" ON "Impersonation"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Impersonation_operatorId_status_idx" ON "Impersonation"("operatorId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "UserSession_impersonationId_key" ON "UserSession"("impersonationId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_impersonationId_fkey" FOREIGN KEY ("impersonationId") REFERENCES "Impersonation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
