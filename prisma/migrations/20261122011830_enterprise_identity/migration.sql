-- CreateTable
CREATE TABLE "SsoConfig" (
    "tenantId" TEXT NOT NULL,
    "requireSso" BOOLEAN NOT NULL DEFAULT false,
    "roleAttribute" TEXT NOT NULL DEFAULT 'groups',
    "roleMapping" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoConfig_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "SsoDomain" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "verificationToken" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SsoConnection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "jacksonClientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimDirectory" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "jacksonDirectoryId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "tokenRotatedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimDirectory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimUser" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "directoryId" TEXT NOT NULL,
    "externalId" TEXT,
    "userName" TEXT NOT NULL,
    "userId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "resource" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimGroup" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "directoryId" TEXT NOT NULL,
    "externalId" TEXT,
    "displayName" TEXT NOT NULL,
    "teamId" TEXT,
    "memberIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resource" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimGroup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SsoDomain_domain_idx" ON "SsoDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "SsoDomain_tenantId_domain_key" ON "SsoDomain"("tenantId", "domain");

-- CreateIndex
CREATE UNIQUE INDEX "SsoConnection_jacksonClientId_key" ON "SsoConnection"("jacksonClientId");

-- CreateIndex
CREATE INDEX "SsoConnection_tenantId_idx" ON "SsoConnection"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimDirectory_jacksonDirectoryId_key" ON "ScimDirectory"("jacksonDirectoryId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimDirectory_tokenHash_key" ON "ScimDirectory"("tokenHash");

-- CreateIndex
CREATE INDEX "ScimDirectory_tenantId_idx" ON "ScimDirectory"("tenantId");

-- CreateIndex
CREATE INDEX "ScimUser_tenantId_idx" ON "ScimUser"("tenantId");

-- CreateIndex
CREATE INDEX "ScimUser_userId_idx" ON "ScimUser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimUser_directoryId_userName_key" ON "ScimUser"("directoryId", "userName");

-- CreateIndex
CREATE INDEX "ScimGroup_tenantId_idx" ON "ScimGroup"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimGroup_directoryId_displayName_key" ON "ScimGroup"("directoryId", "displayName");

-- AddForeignKey
ALTER TABLE "SsoConfig" ADD CONSTRAINT "SsoConfig_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimDirectory" ADD CONSTRAINT "ScimDirectory_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "ScimDirectory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroup" ADD CONSTRAINT "ScimGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroup" ADD CONSTRAINT "ScimGroup_directoryId_fkey" FOREIGN KEY ("directoryId") REFERENCES "ScimDirectory"("id") ON DELETE CASCADE ON UPDATE CASCADE;
