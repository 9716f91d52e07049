-- Written by hand (Prisma does not model functions): claiming a webhook attempt in one round
-- trip (lib/webhooks/send-slots.ts). Under the tenant's advisory lock, so two workers cannot
-- both take its last send slot: check the tenant's and the endpoint's attempts in flight
-- against their limits, move the delivery's attempt count from n-1 to n (which makes the
-- attempt happen once, however often its job runs), and take the send slot. A plpgsql
-- function takes a new snapshot per statement, so the count sees every slot committed
-- before the lock was granted.
CREATE FUNCTION "waypoint_claim_webhook_attempt"(
  p_delivery_id text,
  p_attempt integer,
  p_tenant_id text,
  p_endpoint_id text,
  p_tenant_limit integer,
  p_endpoint_limit integer,
  p_lease_ms integer
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v_tenant integer;
  v_endpoint integer;
BEGIN
  -- 0x77686b73, "whks": the two-key advisory locks of send slots never meet another feature's.
  PERFORM pg_advisory_xact_lock(2003331955, hashtext(p_tenant_id));
  -- A duplicate job of an attempt still in flight.
  IF EXISTS (SELECT 1 FROM "WebhookSendSlot" WHERE "deliveryId" = p_delivery_id AND "expiresAt" > now()) THEN
    RETURN 'in_flight';
  END IF;
  SELECT count(*), count(*) FILTER (WHERE "endpointId" = p_endpoint_id) INTO v_tenant, v_endpoint
  FROM "WebhookSendSlot" WHERE "tenantId" = p_tenant_id AND "expiresAt" > now();
  IF v_endpoint >= p_endpoint_limit THEN
    RETURN 'endpoint_limit';
  END IF;
  IF v_tenant >= p_tenant_limit THEN
    RETURN 'tenant_limit';
  END IF;
  -- The delivery's timestamps are UTC without a zone, as Prisma writes them.
  UPDATE "WebhookDelivery"
  SET "attempts" = p_attempt,
    "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + p_lease_ms * interval '1 millisecond',
    "updatedAt" = now() AT TIME ZONE 'UTC'
  WHERE "id" = p_delivery_id AND "status" = 'pending' AND "attempts" = p_attempt - 1;
  IF NOT FOUND THEN
    RETURN 'already_done';
  END IF;
  INSERT INTO "WebhookSendSlot" ("deliveryId", "tenantId", "endpointId", "expiresAt")
  VALUES (p_delivery_id, p_tenant_id, p_endpoint_id, now() + p_lease_ms * interval '1 millisecond')
  ON CONFLICT ("deliveryId") DO UPDATE
  SET "tenantId" = EXCLUDED."tenantId", "endpointId" = EXCLUDED."endpointId", "expiresAt" = EXCLUDED."expiresAt";
  RETURN 'claimed';
END
$$;
