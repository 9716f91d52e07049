-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PendingSignup" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "workspaceName" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "ip" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingSignup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingSignup_tokenHash_key" ON "PendingSignup"("tokenHash");

-- CreateIndex
CREATE INDEX "PendingSignup_email_createdAt_idx" ON "PendingSignup"("email", "createdAt");

-- CreateIndex
CREATE INDEX "PendingSignup_ip_createdAt_idx" ON "PendingSignup"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "PendingSignup_expiresAt_idx" ON "PendingSignup"("expiresAt");

-- Existing accounts whose owner already proved the address: people who accepted an emailed
-- invitation, accounts a SCIM directory or SSO in a verified domain provisioned, operators and
-- reseller users. The rest (e.g. accounts made by the old sign-up, which never checked the
-- address) stay unverified: the first link their owner follows clears any password on them.
UPDATE "User" u SET "emailVerifiedAt" = CURRENT_TIMESTAMP
WHERE u."isPlatformAdmin"
   OR EXISTS (SELECT 1 FROM "ResellerUser" r WHERE r."userId" = u.id)
   OR EXISTS (SELECT 1 FROM "Invitation" i WHERE i.email = u.email AND i."acceptedAt" IS NOT NULL)
   OR EXISTS (SELECT 1 FROM "ScimUser" s WHERE s."userId" = u.id)
   OR EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."actorId" = u.id AND a.action = 'sso.member_provisioned');
