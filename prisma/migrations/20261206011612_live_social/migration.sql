-- CreateEnum
CREATE TYPE "EventAudience" AS ENUM ('workspace', 'team', 'teammates', 'users', 'admins');

-- CreateEnum
CREATE TYPE "NotificationEmailStatus" AS ENUM ('none', 'pending', 'sent', 'skipped');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "leaderboardsEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "lastDigestAt" TIMESTAMP(3),
ADD COLUMN     "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notificationSettings" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Habit" ADD COLUMN     "private" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DomainEvent" ADD COLUMN     "audience" "EventAudience" NOT NULL DEFAULT 'users',
ADD COLUMN     "audienceTeamId" TEXT,
ADD COLUMN     "audienceUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "milestoneId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentionIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kudos" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "giverId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Kudos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "emailStatus" "NotificationEmailStatus" NOT NULL DEFAULT 'none',
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HabitReminder" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "habitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nextAt" TIMESTAMP(3) NOT NULL,
    "snoozedUntil" TIMESTAMP(3),
    "lastSentOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HabitReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comment_goalId_createdAt_idx" ON "Comment"("goalId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_tenantId_createdAt_idx" ON "Comment"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Kudos_tenantId_recipientId_idx" ON "Kudos"("tenantId", "recipientId");

-- CreateIndex
CREATE UNIQUE INDEX "Kudos_eventId_giverId_key" ON "Kudos"("eventId", "giverId");

-- CreateIndex
CREATE INDEX "Notification_tenantId_userId_createdAt_idx" ON "Notification"("tenantId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_emailStatus_createdAt_idx" ON "Notification"("emailStatus", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_tenantId_userId_dedupeKey_key" ON "Notification"("tenantId", "userId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "HabitReminder_habitId_key" ON "HabitReminder"("habitId");

-- CreateIndex
CREATE INDEX "HabitReminder_enabled_nextAt_idx" ON "HabitReminder"("enabled", "nextAt");

-- CreateIndex
CREATE INDEX "HabitReminder_tenantId_idx" ON "HabitReminder"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "DomainEvent_seq_key" ON "DomainEvent"("seq");

-- CreateIndex
CREATE INDEX "DomainEvent_tenantId_seq_idx" ON "DomainEvent"("tenantId", "seq");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kudos" ADD CONSTRAINT "Kudos_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitReminder" ADD CONSTRAINT "HabitReminder_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitReminder" ADD CONSTRAINT "HabitReminder_habitId_fkey" FOREIGN KEY ("habitId") REFERENCES "Habit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HabitReminder" ADD CONSTRAINT "HabitReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (Prisma does not model triggers): live updates (lib/realtime). Every committed
-- domain event is announced on waypoint_live with what a listening instance needs to route it
-- without reading the row: tenant, seq, id, type, actor, audience and the ids it is about
-- (never titles or text). NOTIFY is delivered on commit, in commit order.
CREATE FUNCTION "waypoint_live_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('waypoint_live', json_build_object(
    'k', 'e',
    't', NEW."tenantId",
    's', NEW.seq::text,
    'i', NEW.id,
    'y', NEW.type,
    'a', NEW.audience,
    'tm', NEW."audienceTeamId",
    'u', COALESCE(NEW."audienceUserIds", ARRAY[]::TEXT[]),
    'ac', NEW."actorId",
    'p', jsonb_strip_nulls(jsonb_build_object(
      'goalId', NEW.payload->>'goalId',
      'milestoneId', NEW.payload->>'milestoneId',
      'habitId', NEW.payload->>'habitId',
      'teamId', NEW.payload->>'teamId',
      'userId', NEW.payload->>'userId',
      'commentId', NEW.payload->>'commentId'
    ))
  )::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "DomainEvent_notify_live"
AFTER INSERT ON "DomainEvent"
FOR EACH ROW EXECUTE FUNCTION "waypoint_live_event"();

-- A member's notifications changed (a new one, or read): their bell's count. Identical payloads
-- in one transaction are folded into one NOTIFY by PostgreSQL.
CREATE FUNCTION "waypoint_live_notification"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('waypoint_live', json_build_object('k', 'n', 't', NEW."tenantId", 'u', NEW."userId")::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Notification_notify_live"
AFTER INSERT OR UPDATE OF "readAt" ON "Notification"
FOR EACH ROW EXECUTE FUNCTION "waypoint_live_notification"();
