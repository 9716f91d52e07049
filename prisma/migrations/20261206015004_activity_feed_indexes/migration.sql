-- CreateIndex
CREATE INDEX "DomainEvent_tenantId_actorId_seq_idx" ON "DomainEvent"("tenantId", "actorId", "seq");

-- CreateIndex
CREATE INDEX "DomainEvent_tenantId_audienceTeamId_seq_idx" ON "DomainEvent"("tenantId", "audienceTeamId", "seq");
