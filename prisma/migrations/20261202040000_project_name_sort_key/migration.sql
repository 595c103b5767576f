-- Projects sort by name with the numbers in it taken as numbers (Project 2 before
-- Project 10), from an index: a stored key in which every run of digits is left-padded to
-- nine digits ("project 000000002"), lower-cased so case does not split the order. The
-- portable alternative to an ICU numeric collation, which PGlite is built without.
-- First every run gains eight zeros, then each run keeps only its last nine digits (a
-- longer number keeps all of its own).

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "nameSortKey" TEXT NOT NULL GENERATED ALWAYS AS (
    regexp_replace(regexp_replace(lower("name"), '[0-9]+', '00000000\&', 'g'), '0*([0-9]{9})', '\1', 'g')
) STORED;

-- CreateIndex
CREATE INDEX "Project_companyId_nameSortKey_id_idx" ON "Project"("companyId", "nameSortKey", "id");
