-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('applied', 'active', 'rejected', 'suspended');

-- CreateEnum
CREATE TYPE "MarketplaceMode" AS ENUM ('all', 'allow_list', 'hidden');

-- CreateEnum
CREATE TYPE "MarketplaceAppStatus" AS ENUM ('draft', 'published', 'deprecated', 'removed');

-- CreateEnum
CREATE TYPE "AppVersionStatus" AS ENUM ('draft', 'submitted', 'in_review', 'changes_requested', 'rejected', 'approved', 'published', 'superseded');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AssetKind" ADD VALUE 'app_logo';
ALTER TYPE "AssetKind" ADD VALUE 'app_screenshot';

-- AlterEnum
ALTER TYPE "OAuthGrantKind" ADD VALUE 'installation';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "marketplaceAllowList" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "marketplaceMode" "MarketplaceMode" NOT NULL DEFAULT 'all',
ADD COLUMN     "membersMayConnectApps" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "sandboxOfPartnerId" TEXT;

-- AlterTable
ALTER TABLE "ApiRequestLog" ADD COLUMN     "marketplaceAppId" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "appInstallationId" TEXT;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "PartnerStatus" NOT NULL DEFAULT 'applied',
    "website" TEXT,
    "supportEmail" TEXT,
    "privacyPolicyUrl" TEXT,
    "logoAssetId" TEXT,
    "applicationNote" TEXT,
    "statusReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "agreementVersion" TEXT,
    "agreementAcceptedAt" TIMESTAMP(3),
    "agreementAcceptedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerUser" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'developer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketplaceApp" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "MarketplaceAppStatus" NOT NULL DEFAULT 'draft',
    "oauthAppId" TEXT NOT NULL,
    "liveVersionId" TEXT,
    "featuredAt" TIMESTAMP(3),
    "webhookSecretEncrypted" TEXT,
    "searchVector" tsvector,
    "publishedAt" TIMESTAMP(3),
    "deprecatedAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketplaceApp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppVersion" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "AppVersionStatus" NOT NULL DEFAULT 'draft',
    "name" TEXT NOT NULL,
    "tagline" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "logoAssetId" TEXT,
    "screenshotAssetIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "websiteUrl" TEXT,
    "docsUrl" TEXT,
    "supportUrl" TEXT,
    "privacyUrl" TEXT,
    "termsUrl" TEXT,
    "setupUrl" TEXT,
    "redirectUris" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scopes" JSONB NOT NULL DEFAULT '[]',
    "webhookEvents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "webhookUrl" TEXT,
    "pricing" TEXT NOT NULL DEFAULT 'free',
    "checks" JSONB NOT NULL DEFAULT '[]',
    "reviewChecklist" JSONB NOT NULL DEFAULT '{}',
    "decisionReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppReviewComment" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "authorId" TEXT,
    "side" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppInstallation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "scopes" TEXT[],
    "grantId" TEXT NOT NULL,
    "installedById" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMP(3),
    "uninstalledAt" TIMESTAMP(3),
    "uninstalledById" TEXT,
    "endedReason" TEXT,

    CONSTRAINT "AppInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppRating" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "authorId" TEXT,
    "stars" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "partnerReply" TEXT,
    "partnerRepliedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppRatingReport" (
    "id" TEXT NOT NULL,
    "ratingId" TEXT NOT NULL,
    "reporterId" TEXT,
    "reason" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppRatingReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformAuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformAuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_slug_key" ON "Partner"("slug");

-- CreateIndex
CREATE INDEX "Partner_status_createdAt_idx" ON "Partner"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PartnerUser_userId_idx" ON "PartnerUser"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerUser_partnerId_userId_key" ON "PartnerUser"("partnerId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceApp_slug_key" ON "MarketplaceApp"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceApp_oauthAppId_key" ON "MarketplaceApp"("oauthAppId");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceApp_liveVersionId_key" ON "MarketplaceApp"("liveVersionId");

-- CreateIndex
CREATE INDEX "MarketplaceApp_partnerId_idx" ON "MarketplaceApp"("partnerId");

-- CreateIndex
CREATE INDEX "MarketplaceApp_status_publishedAt_idx" ON "MarketplaceApp"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "MarketplaceApp_searchVector_idx" ON "MarketplaceApp" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "AppVersion_status_submittedAt_idx" ON "AppVersion"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppVersion_appId_number_key" ON "AppVersion"("appId", "number");

-- CreateIndex
CREATE INDEX "AppReviewComment_versionId_createdAt_idx" ON "AppReviewComment"("versionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppInstallation_grantId_key" ON "AppInstallation"("grantId");

-- CreateIndex
CREATE INDEX "AppInstallation_tenantId_uninstalledAt_idx" ON "AppInstallation"("tenantId", "uninstalledAt");

-- CreateIndex
CREATE INDEX "AppInstallation_appId_installedAt_idx" ON "AppInstallation"("appId", "installedAt");

-- CreateIndex
CREATE INDEX "AppInstallation_appId_uninstalledAt_idx" ON "AppInstallation"("appId", "uninstalledAt");

-- CreateIndex
CREATE INDEX "AppRating_appId_hiddenAt_idx" ON "AppRating"("appId", "hiddenAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppRating_appId_tenantId_key" ON "AppRating"("appId", "tenantId");

-- CreateIndex
CREATE INDEX "AppRatingReport_resolvedAt_createdAt_idx" ON "AppRatingReport"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "PlatformAuditLog_targetType_targetId_createdAt_idx" ON "PlatformAuditLog"("targetType", "targetId", "createdAt");

-- CreateIndex
CREATE INDEX "PlatformAuditLog_createdAt_idx" ON "PlatformAuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_sandboxOfPartnerId_key" ON "Tenant"("sandboxOfPartnerId");

-- CreateIndex
CREATE INDEX "ApiRequestLog_marketplaceAppId_createdAt_idx" ON "ApiRequestLog"("marketplaceAppId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEndpoint_appInstallationId_key" ON "WebhookEndpoint"("appInstallationId");

-- AddForeignKey
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_sandboxOfPartnerId_fkey" FOREIGN KEY ("sandboxOfPartnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerUser" ADD CONSTRAINT "PartnerUser_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerUser" ADD CONSTRAINT "PartnerUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketplaceApp" ADD CONSTRAINT "MarketplaceApp_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketplaceApp" ADD CONSTRAINT "MarketplaceApp_oauthAppId_fkey" FOREIGN KEY ("oauthAppId") REFERENCES "OAuthApp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MarketplaceApp" ADD CONSTRAINT "MarketplaceApp_liveVersionId_fkey" FOREIGN KEY ("liveVersionId") REFERENCES "AppVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppVersion" ADD CONSTRAINT "AppVersion_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppReviewComment" ADD CONSTRAINT "AppReviewComment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "AppVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppInstallation" ADD CONSTRAINT "AppInstallation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppInstallation" ADD CONSTRAINT "AppInstallation_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppRating" ADD CONSTRAINT "AppRating_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppRating" ADD CONSTRAINT "AppRating_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppRatingReport" ADD CONSTRAINT "AppRatingReport_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "AppRating"("id") ON DELETE CASCADE ON UPDATE CASCADE;
