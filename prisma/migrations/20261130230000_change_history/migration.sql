-- Change history (audit events), written in the same transaction as the change, and the
-- answers kept for Idempotency-Key retries.

-- CreateTable
CREATE TABLE "ChangeBatch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "reason" TEXT,
    "projectId" UUID,
    "undoesId" UUID,
    "undoneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeBatch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ChangeBatch_action_known" CHECK ("action" IN (
        'contact.create', 'contact.update', 'contacts.inactivate', 'contacts.reactivate',
        'project.add_contacts', 'project.remove_contacts', 'batch.undo')),
    CONSTRAINT "ChangeBatch_reason_length" CHECK (char_length("reason") <= 500)
);

-- CreateTable
CREATE TABLE "ContactEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "companyId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "projectIds" UUID[],
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactEvent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ContactEvent_action_known" CHECK ("action" IN (
        'contact.created', 'contact.updated', 'contact.inactivated', 'contact.reactivated',
        'contact.added_to_project', 'contact.removed_from_project', 'batch.undone'))
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "companyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("companyId","userId","key")
);

-- CreateIndex
CREATE INDEX "ChangeBatch_companyId_createdAt_idx" ON "ChangeBatch"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeBatch_companyId_id_key" ON "ChangeBatch"("companyId", "id");

-- CreateIndex
CREATE INDEX "ContactEvent_companyId_contactId_seq_idx" ON "ContactEvent"("companyId", "contactId", "seq");

-- CreateIndex
CREATE INDEX "ContactEvent_companyId_seq_idx" ON "ContactEvent"("companyId", "seq");

-- CreateIndex
CREATE INDEX "ContactEvent_companyId_batchId_idx" ON "ContactEvent"("companyId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactEvent_companyId_id_key" ON "ContactEvent"("companyId", "id");

-- CreateIndex
CREATE INDEX "IdempotencyKey_companyId_createdAt_idx" ON "IdempotencyKey"("companyId", "createdAt");

-- AddForeignKey
ALTER TABLE "ChangeBatch" ADD CONSTRAINT "ChangeBatch_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_companyId_contactId_fkey" FOREIGN KEY ("companyId", "contactId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_companyId_batchId_fkey" FOREIGN KEY ("companyId", "batchId") REFERENCES "ChangeBatch"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
