-- Indexed directory search. Every search word must match one of a contact's fields
-- (ILIKE '%word%'), so the fields are kept in one generated column, with a space between
-- them (a word never contains a space, so no match can span two fields), and one
-- trigram index serves every word of every search. One GIN index instead of one per
-- field keeps bulk status changes cheap: each updated row adds entries to every index.
-- Vendor names live in another table; the app resolves matching vendors first and
-- searches "vendorId" with the (companyId, vendorId) index.

-- pg_trgm: trigram operator classes for ILIKE; btree_gin: a GIN operator class for
-- uuid, so the index can lead with companyId like every tenant index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "searchText" TEXT NOT NULL GENERATED ALWAYS AS (
    "firstName" || ' ' || "lastName" || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' ||
    coalesce("jobTitle", '') || ' ' || coalesce("employeeId", '')
) STORED;

-- CreateIndex
CREATE INDEX "Contact_companyId_searchText_idx" ON "Contact" USING GIN ("companyId" uuid_ops, "searchText" gin_trgm_ops);
