-- The Contacts tab's "Duplicates (N)" link without grouping the whole company on every view
-- (issue 16): the last count, and a row per statement that changed the company's contacts or
-- dismissals since. A reader serves the count while no change row is left; otherwise one
-- reader at a time (an advisory lock) deletes the change rows it can see and counts again
-- (src/server/contacts/read-duplicate-group-count.ts). Writers only insert change rows, so they
-- never wait on one another or on a count in progress; a change committed while a count
-- runs leaves its row behind, and the next reader counts again.
CREATE TABLE "DuplicateGroupCount" (
    "companyId" UUID NOT NULL,
    "total" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "DuplicateGroupCount_pkey" PRIMARY KEY ("companyId")
);
ALTER TABLE "DuplicateGroupCount" ADD CONSTRAINT "DuplicateGroupCount_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "DuplicateGroupChange" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT "DuplicateGroupChange_pkey" PRIMARY KEY ("companyId", "id")
);
ALTER TABLE "DuplicateGroupChange" ADD CONSTRAINT "DuplicateGroupChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One row per company a statement touched (a 10,000-contact change is one statement, one row).
-- Contacts are never deleted (merged ones stay, MERGED), nor are dismissals.
CREATE FUNCTION "rollcall_note_duplicate_group_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "DuplicateGroupChange" ("companyId") SELECT DISTINCT "companyId" FROM new_rows;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Contact_duplicate_group_change_on_insert" AFTER INSERT ON "Contact"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_note_duplicate_group_change"();

CREATE TRIGGER "Contact_duplicate_group_change_on_update" AFTER UPDATE ON "Contact"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_note_duplicate_group_change"();

CREATE TRIGGER "ContactDuplicateDismissal_duplicate_group_change_on_insert" AFTER INSERT ON "ContactDuplicateDismissal"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_note_duplicate_group_change"();

CREATE TRIGGER "ContactDuplicateDismissal_duplicate_group_change_on_update" AFTER UPDATE ON "ContactDuplicateDismissal"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_note_duplicate_group_change"();
