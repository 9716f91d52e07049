-- AlterTable
ALTER TABLE "SsoDomain" ADD COLUMN     "connectionId" TEXT,
ADD COLUMN     "requireSso" BOOLEAN NOT NULL DEFAULT false;

-- Existing domains: bound to the connection sign-ins used until now (the workspace's first),
-- and "Require SSO" carried over from the workspace-wide switch to each verified domain.
UPDATE "SsoDomain" AS d SET "connectionId" = (SELECT c."id" FROM "SsoConnection" AS c WHERE c."tenantId" = d."tenantId" ORDER BY c."createdAt" ASC LIMIT 1);
UPDATE "SsoDomain" AS d SET "requireSso" = true FROM "SsoConfig" AS s WHERE s."tenantId" = d."tenantId" AND s."requireSso" AND d."verifiedAt" IS NOT NULL;

-- AlterTable
ALTER TABLE "SsoConfig" DROP COLUMN "requireSso";

-- CreateIndex
CREATE INDEX "SsoDomain_connectionId_idx" ON "SsoDomain"("connectionId");

-- AddForeignKey
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "SsoConnection"("id") ON DELETE SET NULL ON UPDATE CASCADE;
