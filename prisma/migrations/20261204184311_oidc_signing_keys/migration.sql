-- AlterTable
ALTER TABLE "OAuthAuthorizationCode" ADD COLUMN     "authTime" TIMESTAMP(3),
ADD COLUMN     "nonce" TEXT;

-- CreateTable
CREATE TABLE "OidcSigningKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "privateJwkEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "OidcSigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OidcSigningKey_tenantId_createdAt_idx" ON "OidcSigningKey"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "OidcSigningKey" ADD CONSTRAINT "OidcSigningKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
