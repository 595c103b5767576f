-- A change's time is when it was applied, not when its transaction began: every writer
-- records its batch and events after it has locked the contacts, so the clock read at
-- the insert follows the order in which overlapping changes were applied.
ALTER TABLE "ChangeBatch" ALTER COLUMN "createdAt" SET DEFAULT clock_timestamp();
ALTER TABLE "ContactEvent" ALTER COLUMN "createdAt" SET DEFAULT clock_timestamp();
