-- CreateEnum
CREATE TYPE "IntegrationConnectionStatus" AS ENUM ('active', 'needs_attention');

-- CreateEnum
CREATE TYPE "SyncFrequency" AS ENUM ('realtime', 'hourly', 'daily');

-- CreateTable
CREATE TABLE "IntegrationInstallation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "installedById" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "uninstalledById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationConnection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "installationId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "userId" TEXT,
    "externalAccountId" TEXT NOT NULL,
    "externalAccountName" TEXT,
    "scopes" TEXT[],
    "accessTokenEncrypted" TEXT,
    "refreshTokenEncrypted" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "status" "IntegrationConnectionStatus" NOT NULL DEFAULT 'active',
    "statusReason" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "attentionEmailedAt" TIMESTAMP(3),
    "settings" JSONB NOT NULL DEFAULT '{}',
    "syncFrequency" "SyncFrequency" NOT NULL DEFAULT 'realtime',
    "syncCursor" TEXT,
    "syncLeaseUntil" TIMESTAMP(3),
    "syncRequestedAt" TIMESTAMP(3),
    "lastSyncStartedAt" TIMESTAMP(3),
    "lastSyncAt" TIMESTAMP(3),
    "lastSyncResult" TEXT,
    "lastSyncError" TEXT,
    "lastSyncSummary" JSONB,
    "nextSyncAt" TIMESTAMP(3),
    "pushChannelId" TEXT,
    "pushChannelTokenHash" TEXT,
    "pushResourceId" TEXT,
    "pushExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationOAuthState" (
    "stateHash" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "codeVerifierEncrypted" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationOAuthState_pkey" PRIMARY KEY ("stateHash")
);

-- CreateTable
CREATE TABLE "CalendarEventLink" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "subjectKey" TEXT NOT NULL,
    "externalEventId" TEXT NOT NULL,
    "etag" TEXT,
    "syncedDate" DATE NOT NULL,
    "contentHash" TEXT,
    "localUpdatedAt" TIMESTAMP(3) NOT NULL,
    "remoteUpdatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarEventLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationLogEntry" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "installationId" TEXT NOT NULL,
    "connectionId" TEXT,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationChannelRoute" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "installationId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "teamId" TEXT,
    "channelId" TEXT,
    "channelName" TEXT NOT NULL,
    "webhookUrlEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationChannelRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationMessage" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "routeId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackUserLink" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackUserLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationInstallation_tenantId_provider_key" ON "IntegrationInstallation"("tenantId", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationConnection_pushChannelId_key" ON "IntegrationConnection"("pushChannelId");

-- CreateIndex
CREATE INDEX "IntegrationConnection_tenantId_userId_idx" ON "IntegrationConnection"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "IntegrationConnection_status_accessTokenExpiresAt_idx" ON "IntegrationConnection"("status", "accessTokenExpiresAt");

-- CreateIndex
CREATE INDEX "IntegrationConnection_nextSyncAt_idx" ON "IntegrationConnection"("nextSyncAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationConnection_installationId_userId_key" ON "IntegrationConnection"("installationId", "userId");

-- CreateIndex
CREATE INDEX "IntegrationOAuthState_expiresAt_idx" ON "IntegrationOAuthState"("expiresAt");

-- CreateIndex
CREATE INDEX "CalendarEventLink_tenantId_goalId_idx" ON "CalendarEventLink"("tenantId", "goalId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarEventLink_connectionId_subjectKey_key" ON "CalendarEventLink"("connectionId", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarEventLink_connectionId_externalEventId_key" ON "CalendarEventLink"("connectionId", "externalEventId");

-- CreateIndex
CREATE INDEX "IntegrationLogEntry_installationId_createdAt_idx" ON "IntegrationLogEntry"("installationId", "createdAt");

-- CreateIndex
CREATE INDEX "IntegrationLogEntry_connectionId_createdAt_idx" ON "IntegrationLogEntry"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "IntegrationChannelRoute_installationId_event_idx" ON "IntegrationChannelRoute"("installationId", "event");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationMessage_dedupeKey_key" ON "IntegrationMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "IntegrationMessage_tenantId_createdAt_idx" ON "IntegrationMessage"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlackUserLink_connectionId_slackUserId_key" ON "SlackUserLink"("connectionId", "slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_tenantId_userId_idx" ON "CalendarFeedToken"("tenantId", "userId");

-- AddForeignKey
ALTER TABLE "IntegrationInstallation" ADD CONSTRAINT "IntegrationInstallation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationConnection" ADD CONSTRAINT "IntegrationConnection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationConnection" ADD CONSTRAINT "IntegrationConnection_installationId_fkey" FOREIGN KEY ("installationId") REFERENCES "IntegrationInstallation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationConnection" ADD CONSTRAINT "IntegrationConnection_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarEventLink" ADD CONSTRAINT "CalendarEventLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationLogEntry" ADD CONSTRAINT "IntegrationLogEntry_installationId_fkey" FOREIGN KEY ("installationId") REFERENCES "IntegrationInstallation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationLogEntry" ADD CONSTRAINT "IntegrationLogEntry_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationChannelRoute" ADD CONSTRAINT "IntegrationChannelRoute_installationId_fkey" FOREIGN KEY ("installationId") REFERENCES "IntegrationInstallation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackUserLink" ADD CONSTRAINT "SlackUserLink_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "IntegrationConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
