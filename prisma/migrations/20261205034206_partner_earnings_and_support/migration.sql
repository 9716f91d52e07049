-- CreateEnum
CREATE TYPE "SupportTicketKind" AS ENUM ('workspace_partner', 'partner_operator');

-- CreateEnum
CREATE TYPE "SupportTicketPriority" AS ENUM ('low', 'normal', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "SupportTicketStatus" AS ENUM ('open', 'pending', 'resolved', 'closed');

-- AlterEnum
ALTER TYPE "AssetKind" ADD VALUE 'ticket_attachment';

-- AlterTable
ALTER TABLE "Commission" ADD COLUMN     "appId" TEXT,
ADD COLUMN     "partnerId" TEXT,
ALTER COLUMN "resellerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "partnerId" TEXT,
ALTER COLUMN "resellerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "holdingDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "payoutMinimumCents" INTEGER NOT NULL DEFAULT 5000,
ADD COLUMN     "stripeConnectAccountId" TEXT,
ADD COLUMN     "tierId" TEXT NOT NULL DEFAULT 'standard';

-- AlterTable
ALTER TABLE "MarketplaceApp" ADD COLUMN     "healthFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "stripeMeterEventName" TEXT,
ADD COLUMN     "stripeMeterId" TEXT,
ADD COLUMN     "stripeProductId" TEXT;

-- AlterTable
ALTER TABLE "AppVersion" ADD COLUMN     "includedCalls" INTEGER,
ADD COLUMN     "monthlyFeeCents" INTEGER,
ADD COLUMN     "per1000CallsCents" INTEGER,
ADD COLUMN     "priceCurrency" TEXT NOT NULL DEFAULT 'usd',
ADD COLUMN     "stripeFeePriceId" TEXT,
ADD COLUMN     "stripeUsagePriceId" TEXT;

-- AlterTable
ALTER TABLE "AppInstallation" ADD COLUMN     "billedVia" TEXT,
ADD COLUMN     "stripeFeeItemId" TEXT,
ADD COLUMN     "stripeUsageItemId" TEXT;

-- CreateTable
CREATE TABLE "PartnerTier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "platformFeeBps" INTEGER NOT NULL DEFAULT 2000,
    "firstResponseMinutes" INTEGER NOT NULL DEFAULT 1440,
    "resolutionMinutes" INTEGER NOT NULL DEFAULT 7200,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerTier_pkey" PRIMARY KEY ("id")
);

-- The tiers every partner starts in (the operator edits them): existing partners are standard.
INSERT INTO "PartnerTier" ("id", "name", "platformFeeBps", "firstResponseMinutes", "resolutionMinutes", "updatedAt") VALUES
    ('standard', 'Standard', 2000, 1440, 7200, CURRENT_TIMESTAMP),
    ('premier', 'Premier', 1500, 240, 2880, CURRENT_TIMESTAMP);

-- CreateTable
CREATE TABLE "PaidAppAllowance" (
    "tenantId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "grantedById" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaidAppAllowance_pkey" PRIMARY KEY ("tenantId","appId")
);

-- CreateTable
CREATE TABLE "AppHealthFlag" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "valueBps" INTEGER NOT NULL,
    "thresholdBps" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "AppHealthFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportTicket" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "kind" "SupportTicketKind" NOT NULL,
    "partnerId" TEXT NOT NULL,
    "tenantId" TEXT,
    "appId" TEXT,
    "subject" TEXT NOT NULL,
    "priority" "SupportTicketPriority" NOT NULL DEFAULT 'normal',
    "status" "SupportTicketStatus" NOT NULL DEFAULT 'open',
    "openedById" TEXT,
    "firstResponseTargetAt" TIMESTAMP(3) NOT NULL,
    "resolutionTargetAt" TIMESTAMP(3) NOT NULL,
    "firstRespondedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reopenedAt" TIMESTAMP(3),
    "lastCommentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportTicketComment" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "authorId" TEXT,
    "side" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachmentAssetIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportTicketComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AppHealthFlag_appId_clearedAt_idx" ON "AppHealthFlag"("appId", "clearedAt");

-- CreateIndex
CREATE INDEX "AppHealthFlag_clearedAt_raisedAt_idx" ON "AppHealthFlag"("clearedAt", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportTicket_number_key" ON "SupportTicket"("number");

-- CreateIndex
CREATE INDEX "SupportTicket_partnerId_kind_status_lastCommentAt_idx" ON "SupportTicket"("partnerId", "kind", "status", "lastCommentAt");

-- CreateIndex
CREATE INDEX "SupportTicket_tenantId_status_lastCommentAt_idx" ON "SupportTicket"("tenantId", "status", "lastCommentAt");

-- CreateIndex
CREATE INDEX "SupportTicket_kind_status_lastCommentAt_idx" ON "SupportTicket"("kind", "status", "lastCommentAt");

-- CreateIndex
CREATE INDEX "SupportTicketComment_ticketId_createdAt_idx" ON "SupportTicketComment"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Commission_partnerId_status_availableAt_idx" ON "Commission"("partnerId", "status", "availableAt");

-- CreateIndex
CREATE INDEX "Commission_appId_createdAt_idx" ON "Commission"("appId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Commission_sourceId_partnerId_appId_key" ON "Commission"("sourceId", "partnerId", "appId");

-- CreateIndex
CREATE INDEX "Payout_partnerId_createdAt_idx" ON "Payout"("partnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_partnerId_periodStart_key" ON "Payout"("partnerId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceApp_stripeProductId_key" ON "MarketplaceApp"("stripeProductId");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceApp_stripeMeterId_key" ON "MarketplaceApp"("stripeMeterId");

-- CreateIndex
CREATE UNIQUE INDEX "MarketplaceApp_stripeMeterEventName_key" ON "MarketplaceApp"("stripeMeterEventName");

-- CreateIndex
CREATE UNIQUE INDEX "AppVersion_stripeFeePriceId_key" ON "AppVersion"("stripeFeePriceId");

-- CreateIndex
CREATE UNIQUE INDEX "AppVersion_stripeUsagePriceId_key" ON "AppVersion"("stripeUsagePriceId");

-- CreateIndex
CREATE UNIQUE INDEX "AppInstallation_stripeFeeItemId_key" ON "AppInstallation"("stripeFeeItemId");

-- CreateIndex
CREATE UNIQUE INDEX "AppInstallation_stripeUsageItemId_key" ON "AppInstallation"("stripeUsageItemId");

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "PartnerTier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaidAppAllowance" ADD CONSTRAINT "PaidAppAllowance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaidAppAllowance" ADD CONSTRAINT "PaidAppAllowance_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppHealthFlag" ADD CONSTRAINT "AppHealthFlag_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_appId_fkey" FOREIGN KEY ("appId") REFERENCES "MarketplaceApp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicket" ADD CONSTRAINT "SupportTicket_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicketComment" ADD CONSTRAINT "SupportTicketComment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "SupportTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportTicketComment" ADD CONSTRAINT "SupportTicketComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

