-- Duplicate contacts and their merge (issue 13).
-- MERGED: a contact merged into another. Kept, not deleted, so its history and an undo of
-- the merge stay whole; no tab, list, count, search, picker or export shows it, because
-- every one of them asks for ACTIVE or INACTIVE. Its own migration: a new enum value can
-- be used only once the transaction that added it has committed.
ALTER TYPE "ContactStatus" ADD VALUE 'MERGED';
