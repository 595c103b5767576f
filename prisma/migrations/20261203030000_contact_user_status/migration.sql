-- A contact who became a Rollcall user (issue 15). USER: the person is now one record, the
-- user (userId); the contact row is kept, with its projects, crews and history, but no tab,
-- list, count, search, picker or export shows it, because every one of them asks for ACTIVE
-- or INACTIVE (as with MERGED). Its own migration: a new enum value can be used only once
-- the transaction that added it has committed.
ALTER TYPE "ContactStatus" ADD VALUE 'USER';
