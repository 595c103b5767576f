-- A contact becomes a user (issue 15): the invitation remembers the contact it was sent
-- from, and on acceptance the contact points to the company's user it became.

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "contactId" UUID;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "userId" UUID;

-- A contact is a user exactly while USER; a user is at most one contact of a company.
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_userId_matches_status" CHECK (("status" = 'USER') = ("userId" IS NOT NULL));

-- CreateIndex
CREATE UNIQUE INDEX "Contact_companyId_userId_key" ON "Contact"("companyId", "userId");

-- CreateIndex
CREATE INDEX "Invitation_companyId_contactId_idx" ON "Invitation"("companyId", "contactId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_userId_fkey" FOREIGN KEY ("companyId", "userId") REFERENCES "CompanyMember"("companyId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_companyId_contactId_fkey" FOREIGN KEY ("companyId", "contactId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The contact's two new kinds of event.
ALTER TABLE "ContactEvent" DROP CONSTRAINT "ContactEvent_action_known";
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_action_known" CHECK ("action" IN (
    'contact.created', 'contact.updated', 'contact.inactivated', 'contact.reactivated',
    'contact.added_to_project', 'contact.removed_from_project', 'contact.imported', 'contact.updated_by_import',
    'contact.merged', 'contact.merged_into', 'batch.undone', 'contact.invited', 'contact.became_user'));
