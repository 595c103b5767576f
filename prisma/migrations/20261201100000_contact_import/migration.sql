-- The contact import (issue 12).
-- DISCARDED: a contact an import created and its undo took back. Kept, not deleted, so
-- the history of the import and of its undo stays whole; no tab, list, count, search,
-- picker or export shows it, because every one of them asks for ACTIVE or INACTIVE.
ALTER TYPE "ContactStatus" ADD VALUE 'DISCARDED';

-- What a batch worked on beyond its contacts: an import's file name and row count.
ALTER TABLE "ChangeBatch" ADD COLUMN "details" JSONB;

-- The import's batch and its two kinds of event.
ALTER TABLE "ChangeBatch" DROP CONSTRAINT "ChangeBatch_action_known";
ALTER TABLE "ChangeBatch" ADD CONSTRAINT "ChangeBatch_action_known" CHECK ("action" IN (
    'contact.create', 'contact.update', 'contacts.inactivate', 'contacts.reactivate',
    'project.add_contacts', 'project.remove_contacts', 'contacts.import', 'batch.undo'));
ALTER TABLE "ContactEvent" DROP CONSTRAINT "ContactEvent_action_known";
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_action_known" CHECK ("action" IN (
    'contact.created', 'contact.updated', 'contact.inactivated', 'contact.reactivated',
    'contact.added_to_project', 'contact.removed_from_project', 'contact.imported', 'contact.updated_by_import', 'batch.undone'));

-- An upload the import wizard is working on, so each step survives a reload.
CREATE TABLE "ImportDraft" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "projectId" UUID,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportDraft_companyId_id_key" ON "ImportDraft"("companyId", "id");

-- CreateIndex
CREATE INDEX "ImportDraft_companyId_userId_createdAt_idx" ON "ImportDraft"("companyId", "userId", "createdAt");

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
