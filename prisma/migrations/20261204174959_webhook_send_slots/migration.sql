-- CreateTable
CREATE TABLE "WebhookSendSlot" (
    "deliveryId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "WebhookSendSlot_pkey" PRIMARY KEY ("deliveryId")
);

-- CreateIndex
CREATE INDEX "WebhookSendSlot_tenantId_endpointId_idx" ON "WebhookSendSlot"("tenantId", "endpointId");

-- AddForeignKey
ALTER TABLE "WebhookSendSlot" ADD CONSTRAINT "WebhookSendSlot_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
