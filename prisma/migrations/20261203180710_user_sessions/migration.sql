-- CreateEnum
CREATE TYPE "SignInMethod" AS ENUM ('password', 'magic_link', 'signup', 'invitation', 'sso');

-- CreateEnum
CREATE TYPE "SessionEndReason" AS ENUM ('signed_out', 'ended_by_user', 'ended_by_admin', 'password_changed', 'password_reset', 'removed_from_workspace', 'deprovisioned', 'email_claimed');

-- AlterTable
-- Hand-off tokens live two minutes: the few in flight during the deploy are labelled "signup".
ALTER TABLE "LoginToken" ADD COLUMN     "method" "SignInMethod" NOT NULL DEFAULT 'signup';
ALTER TABLE "LoginToken" ALTER COLUMN "method" DROP DEFAULT;

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tenantId" TEXT,
    "method" "SignInMethod" NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" "SessionEndReason",

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_tenantId_idx" ON "UserSession"("userId", "tenantId");

-- CreateIndex
CREATE INDEX "UserSession_tenantId_idx" ON "UserSession"("tenantId");

-- CreateIndex
CREATE INDEX "UserSession_expiresAt_idx" ON "UserSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
