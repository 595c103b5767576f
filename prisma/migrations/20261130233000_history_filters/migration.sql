-- The Change History's filters: by action (newest first) and by person.

-- CreateIndex
CREATE INDEX "ChangeBatch_companyId_actorId_createdAt_idx" ON "ChangeBatch"("companyId", "actorId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactEvent_companyId_action_seq_idx" ON "ContactEvent"("companyId", "action", "seq");
