-- Written by hand (Prisma does not model functions): claiming webhook attempts, a batch in one
-- round trip (lib/webhooks/send-slots.ts). Under each tenant's advisory lock, so two workers
-- cannot both take its last send slot: per attempt, in order, check the tenant's and the
-- endpoint's attempts in flight against their limits, move the delivery's attempt count from
-- n-1 to n (which makes the attempt happen once, however often its job runs), and take the
-- send slot. A plpgsql function takes a new snapshot per statement, so each count sees every
-- slot committed before the lock was granted and every slot this batch took before it.
CREATE FUNCTION "waypoint_claim_webhook_attempts"(
  -- [{deliveryId, attempt, tenantId, endpointId, endpointLimit}]; a row per request comes back, at its 1-based position.
  p_requests jsonb,
  p_tenant_limit integer,
  p_lease_ms integer
) RETURNS TABLE ("position" bigint, "result" text) LANGUAGE plpgsql AS $$
DECLARE
  v_request record;
  v_tenant integer;
  v_endpoint integer;
BEGIN
  -- The tenants' locks in one order (0x77686b73, "whks", keeps them apart from other
  -- features'), so two batches never wait for each other crosswise.
  PERFORM pg_advisory_xact_lock(2003331955, locked.key)
  FROM (SELECT DISTINCT hashtext(r."tenantId") AS key FROM jsonb_to_recordset(p_requests) AS r("tenantId" text) ORDER BY 1) AS locked;

  FOR v_request IN
    SELECT r.*
    FROM ROWS FROM (jsonb_to_recordset(p_requests) AS ("deliveryId" text, "attempt" integer, "tenantId" text, "endpointId" text, "endpointLimit" integer))
      WITH ORDINALITY AS r("deliveryId", "attempt", "tenantId", "endpointId", "endpointLimit", n)
    ORDER BY r.n
  LOOP
    "position" := v_request.n;
    -- A duplicate job of an attempt still in flight.
    IF EXISTS (SELECT 1 FROM "WebhookSendSlot" s WHERE s."deliveryId" = v_request."deliveryId" AND s."expiresAt" > now()) THEN
      "result" := 'in_flight';
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
