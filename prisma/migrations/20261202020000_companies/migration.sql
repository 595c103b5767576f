-- Companies and Inactive Companies (issue 14): a vendor's lifecycle, its details, and its history.

CREATE TYPE "VendorStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'MERGED');
ALTER TYPE "VendorKind" ADD VALUE 'CONSULTANT';
ALTER TYPE "VendorKind" ADD VALUE 'OTHER';

ALTER TABLE "Vendor"
    ADD COLUMN "status" "VendorStatus" NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN "phone" TEXT,
    ADD COLUMN "email" TEXT,
    ADD COLUMN "website" TEXT,
    ADD COLUMN "address" TEXT,
    ADD COLUMN "licenseNumber" TEXT,
    ADD COLUMN "notes" TEXT,
    ADD COLUMN "inactivatedAt" TIMESTAMPTZ(3),
    ADD COLUMN "mergedIntoId" UUID,
    -- Inactive and merged companies left the directory at inactivatedAt; a merged one names the company it went into.
    ADD CONSTRAINT "Vendor_inactivatedAt_matches_status" CHECK (("status" = 'ACTIVE') = ("inactivatedAt" IS NULL)),
    ADD CONSTRAINT "Vendor_mergedIntoId_matches_status" CHECK (("status" = 'MERGED') = ("mergedIntoId" IS NOT NULL)),
    ADD CONSTRAINT "Vendor_not_merged_into_itself" CHECK ("mergedIntoId" <> "id");

ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_companyId_mergedIntoId_fkey" FOREIGN KEY ("companyId", "mergedIntoId") REFERENCES "Vendor"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A name is unique in the company ignoring case and surrounding spaces. Names that only
-- differed that way before keep their place with a number, so the index can be built;
-- merging them is the admin's call.
UPDATE "Vendor" v SET "name" = btrim(v."name") || ' (' || d.n || ')'
FROM (
    SELECT id, row_number() OVER (PARTITION BY "companyId", lower(btrim("name")) ORDER BY "createdAt", id) AS n
    FROM "Vendor"
) d
WHERE d.id = v.id AND d.n > 1;
DROP INDEX "Vendor_companyId_name_key";
-- Merged-away companies are kept for their history and free their name for the kept one.
CREATE UNIQUE INDEX "Vendor_companyId_name_key" ON "Vendor"("companyId", lower(btrim("name"))) WHERE "status" <> 'MERGED';

-- The Companies tabs list by status and name.
CREATE INDEX "Vendor_companyId_status_name_idx" ON "Vendor"("companyId", "status", "name");

-- What one batch did to one company. Appended only; seq orders a company's events.
CREATE TABLE "VendorEvent" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "vendorId" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "VendorEvent_pkey" PRIMARY KEY ("companyId", "id"),
    CONSTRAINT "VendorEvent_action_known" CHECK ("action" IN (
        'vendor.created', 'vendor.updated', 'vendor.inactivated', 'vendor.reactivated',
        'vendor.merged', 'vendor.merged_into', 'vendor.undone'))
);

CREATE INDEX "VendorEvent_companyId_vendorId_seq_idx" ON "VendorEvent"("companyId", "vendorId", "seq");
CREATE INDEX "VendorEvent_companyId_seq_idx" ON "VendorEvent"("companyId", "seq");
CREATE INDEX "VendorEvent_companyId_batchId_idx" ON "VendorEvent"("companyId", "batchId");

ALTER TABLE "VendorEvent" ADD CONSTRAINT "VendorEvent_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VendorEvent" ADD CONSTRAINT "VendorEvent_companyId_vendorId_fkey" FOREIGN KEY ("companyId", "vendorId") REFERENCES "Vendor"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VendorEvent" ADD CONSTRAINT "VendorEvent_companyId_batchId_fkey" FOREIGN KEY ("companyId", "batchId") REFERENCES "ChangeBatch"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The companies' batches (a company inactivation with its people also writes contact events).
ALTER TABLE "ChangeBatch" DROP CONSTRAINT "ChangeBatch_action_known";
ALTER TABLE "ChangeBatch" ADD CONSTRAINT "ChangeBatch_action_known" CHECK ("action" IN (
    'contact.create', 'contact.update', 'contacts.inactivate', 'contacts.reactivate',
    'project.add_contacts', 'project.remove_contacts', 'contacts.import', 'batch.undo',
    'vendor.create', 'vendor.update', 'vendors.inactivate', 'vendors.reactivate', 'vendors.merge'));
