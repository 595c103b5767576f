-- Users with a lifecycle (issue 15): invitations by email, Inactive Users, an outbox for
-- email when no SMTP server is configured, and the users' own history events.

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('INVITED', 'ACTIVE', 'INACTIVE');

-- AlterTable
ALTER TABLE "CompanyMember" ADD COLUMN "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN "inactivatedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastSignInAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Invitation" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "verificationId" UUID,
    "invitedById" UUID,
    "invitedByName" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("companyId","id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "links" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("companyId","id")
);

-- CreateTable
CREATE TABLE "UserEvent" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "UserEvent_pkey" PRIMARY KEY ("companyId","id"),
    CONSTRAINT "UserEvent_action_known" CHECK ("action" IN (
        'user.invited', 'user.added', 'user.joined', 'user.invitation_revoked', 'user.level_changed',
        'user.inactivated', 'user.reactivated'))
);

-- The users' batches.
ALTER TABLE "ChangeBatch" DROP CONSTRAINT "ChangeBatch_action_known";
ALTER TABLE "ChangeBatch" ADD CONSTRAINT "ChangeBatch_action_known" CHECK ("action" IN (
    'contact.create', 'contact.update', 'contacts.inactivate', 'contacts.reactivate',
    'project.add_contacts', 'project.remove_contacts', 'contacts.import', 'batch.undo',
    'user.invite', 'user.add', 'user.accept_invitation', 'user.revoke_invitation', 'user.change_level',
    'users.inactivate', 'users.reactivate'));

-- CreateIndex
CREATE INDEX "Invitation_companyId_userId_idx" ON "Invitation"("companyId", "userId");

-- CreateIndex
CREATE INDEX "Invitation_verificationId_idx" ON "Invitation"("verificationId");

-- CreateIndex
CREATE INDEX "OutboxMessage_companyId_createdAt_idx" ON "OutboxMessage"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "UserEvent_companyId_userId_seq_idx" ON "UserEvent"("companyId", "userId", "seq");

-- CreateIndex
CREATE INDEX "UserEvent_companyId_seq_idx" ON "UserEvent"("companyId", "seq");

-- CreateIndex
CREATE INDEX "UserEvent_companyId_batchId_idx" ON "UserEvent"("companyId", "batchId");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserEvent" ADD CONSTRAINT "UserEvent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserEvent" ADD CONSTRAINT "UserEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserEvent" ADD CONSTRAINT "UserEvent_companyId_batchId_fkey" FOREIGN KEY ("companyId", "batchId") REFERENCES "ChangeBatch"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
