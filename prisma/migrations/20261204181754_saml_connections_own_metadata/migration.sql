-- AlterTable
ALTER TABLE "SsoConnection" ADD COLUMN     "idpCertificates" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "idpEntityId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "idpInitiated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "idpSsoBinding" TEXT NOT NULL DEFAULT 'redirect',
ADD COLUMN     "idpSsoUrl" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "jacksonClientId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SamlRequest" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "next" TEXT NOT NULL,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "profile" JSONB,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SamlRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlAssertionUse" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "SamlAssertionUse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SamlRequest_requestId_key" ON "SamlRequest"("requestId");

-- CreateIndex
CREATE INDEX "SamlRequest_tenantId_idx" ON "SamlRequest"("tenantId");

-- CreateIndex
CREATE INDEX "SamlRequest_connectionId_idx" ON "SamlRequest"("connectionId");

-- CreateIndex
CREATE INDEX "SamlRequest_expiresAt_idx" ON "SamlRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlAssertionUse_expiresAt_idx" ON "SamlAssertionUse"("expiresAt");

-- CreateIndex
CREATE INDEX "SsoConnection_idpEntityId_idx" ON "SsoConnection"("idpEntityId");

-- AddForeignKey
ALTER TABLE "SamlRequest" ADD CONSTRAINT "SamlRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamlRequest" ADD CONSTRAINT "SamlRequest_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "SsoConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
