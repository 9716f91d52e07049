-- Written by hand: claiming a webhook attempt also checks that its endpoint is still in the
-- lane the attempt runs in, since a claim may come after a wait for a send slot. Otherwise as
-- in 20261206150000_webhook_claim_attempt.
DROP FUNCTION "waypoint_claim_webhook_attempts"(jsonb, integer, integer);

CREATE FUNCTION "waypoint_claim_webhook_attempts"(
  -- [{deliveryId, attempt, tenantId, endpointId, lane, endpointLimit}]; a row per request comes back, at its 1-based position.
  p_requests jsonb,
  p_tenant_limit integer,
  p_lease_ms integer,
  -- Timeouts in a row after which an endpoint's attempts belong to the slow lane (send-lane.ts).
  p_slow_after integer
) RETURNS TABLE ("position" bigint, "result" text) LANGUAGE plpgsql AS $$
DECLARE
  v_request record;
  v_tenant integer;
  v_endpoint integer;
  v_timeouts integer;
BEGIN
  -- The tenants' locks in one order (0x77686b73, "whks", keeps them apart from other
  -- features'), so two batches never wait for each other crosswise.
  PERFORM pg_advisory_xact_lock(2003331955, locked.key)
  FROM (SELECT DISTINCT hashtext(r."tenantId") AS key FROM jsonb_to_recordset(p_requests) AS r("tenantId" text) ORDER BY 1) AS locked;

  FOR v_request IN
    SELECT r.*
    FROM ROWS FROM (jsonb_to_recordset(p_requests) AS ("deliveryId" text, "attempt" integer, "tenantId" text, "endpointId" text, "lane" text, "endpointLimit" integer))
      WITH ORDINALITY AS r("deliveryId", "attempt", "tenantId", "endpointId", "lane", "endpointLimit", n)
    ORDER BY r.n
  LOOP
    "position" := v_request.n;
    -- A duplicate job of an attempt still in flight.
    IF EXISTS (SELECT 1 FROM "WebhookSendSlot" s WHERE s."deliveryId" = v_request."deliveryId" AND s."expiresAt" > now()) THEN
      "result" := 'in_flight';
      RETURN NEXT;
      CONTINUE;
    END IF;
    -- The endpoint may have changed lanes while the attempt waited for a slot (a timeout just
    -- moved it to the slow lane, or an answer back): it is sent on in its lane instead.
    SELECT e."consecutiveTimeouts" INTO v_timeouts FROM "WebhookEndpoint" e WHERE e."id" = v_request."endpointId";
    IF (CASE WHEN coalesce(v_timeouts, 0) >= p_slow_after THEN 'slow' ELSE 'fast' END) <> v_request."lane" THEN
      "result" := 'other_lane';
      RETURN NEXT;
      CONTINUE;
    END IF;
    SELECT count(*), count(*) FILTER (WHERE s."endpointId" = v_request."endpointId") INTO v_tenant, v_endpoint
    FROM "WebhookSendSlot" s WHERE s."tenantId" = v_request."tenantId" AND s."expiresAt" > now();
    IF v_endpoint >= v_request."endpointLimit" THEN
      "result" := 'endpoint_limit';
    ELSIF v_tenant >= p_tenant_limit THEN
      "result" := 'tenant_limit';
    ELSE
      -- The delivery's timestamps are UTC without a zone, as Prisma writes them.
      UPDATE "WebhookDelivery" d
      SET "attempts" = v_request."attempt",
        "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + p_lease_ms * interval '1 millisecond',
        "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE d."id" = v_request."deliveryId" AND d."status" = 'pending' AND d."attempts" = v_request."attempt" - 1;
      IF NOT FOUND THEN
        "result" := 'already_done';
      ELSE
        INSERT INTO "WebhookSendSlot" ("deliveryId", "tenantId", "endpointId", "expiresAt")
        VALUES (v_request."deliveryId", v_request."tenantId", v_request."endpointId", now() + p_lease_ms * interval '1 millisecond')
        ON CONFLICT ON CONSTRAINT "WebhookSendSlot_pkey" DO UPDATE
        SET "tenantId" = EXCLUDED."tenantId", "endpointId" = EXCLUDED."endpointId", "expiresAt" = EXCLUDED."expiresAt";
        "result" := 'claimed';
      END IF;
    END IF;
    RETURN NEXT;
  END LOOP;
END
$$;
