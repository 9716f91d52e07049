-- Written by hand (Prisma does not model triggers): live updates of the webhook delivery log
-- (lib/realtime). A statement that inserts or updates deliveries announces, per workspace it
-- touched, one message on waypoint_live ({k:'w', t, w: the endpoint when the statement touched
-- only one}), not one per row: a fan-out of thousands of deliveries is one NOTIFY per
-- workspace, and PostgreSQL folds identical payloads within a transaction.
CREATE FUNCTION "waypoint_live_webhook_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('waypoint_live', json_build_object(
    'k', 'w',
    't', touched."tenantId",
    'w', CASE WHEN touched.endpoints = 1 THEN touched."endpointId" END
  )::text)
  FROM (
    SELECT "tenantId", min("endpointId") AS "endpointId", count(DISTINCT "endpointId") AS endpoints
    FROM changed GROUP BY "tenantId"
  ) AS touched;
  RETURN NULL;
END
$$;

CREATE TRIGGER "WebhookDelivery_notify_live_insert"
AFTER INSERT ON "WebhookDelivery"
REFERENCING NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION "waypoint_live_webhook_delivery"();

CREATE TRIGGER "WebhookDelivery_notify_live_update"
AFTER UPDATE ON "WebhookDelivery"
REFERENCING NEW TABLE AS changed
FOR EACH STATEMENT EXECUTE FUNCTION "waypoint_live_webhook_delivery"();
