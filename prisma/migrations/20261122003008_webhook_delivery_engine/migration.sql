-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- Written by hand (Prisma does not model triggers): a committed domain event wakes the job
-- queue's outbox relay at once (lib/jobs/outbox-listener.ts). NOTIFY is delivered on commit
-- only, and repeats of the same notification in one transaction are folded into one.
CREATE FUNCTION "waypoint_notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('waypoint_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "DomainEvent_notify_outbox"
AFTER INSERT ON "DomainEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "waypoint_notify_outbox"();
