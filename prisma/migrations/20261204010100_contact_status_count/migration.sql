-- The company directory's tab counts (Contacts, Inactive Contacts) without counting every
-- contact of the company on every page view (issue 16: 55-60 ms of PostgreSQL per view at
-- 100,000 contacts, three quarters of a directory page's database time). Kept as the
-- Duplicates link's count is (20261204010000_duplicate_group_count): the last count, and a
-- row per statement that added contacts or changed a status since; one reader at a time
-- counts again (src/server/contacts/count-contacts.ts, src/server/db/read-kept-count.ts).
CREATE TABLE "ContactStatusCount" (
    "companyId" UUID NOT NULL,
    "active" INTEGER NOT NULL,
    "inactive" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT "ContactStatusCount_pkey" PRIMARY KEY ("companyId")
);
ALTER TABLE "ContactStatusCount" ADD CONSTRAINT "ContactStatusCount_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ContactStatusChange" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT "ContactStatusChange_pkey" PRIMARY KEY ("companyId", "id")
);
ALTER TABLE "ContactStatusChange" ADD CONSTRAINT "ContactStatusChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- New contacts: one row per company the statement added contacts to.
CREATE FUNCTION "rollcall_note_contact_status_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ContactStatusChange" ("companyId") SELECT DISTINCT "companyId" FROM new_rows;
    RETURN NULL;
END
$$;

-- Changed contacts: only where a status changed (an edit of a name or phone counts nothing).
CREATE FUNCTION "rollcall_note_contact_status_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ContactStatusChange" ("companyId")
    SELECT DISTINCT n."companyId" FROM new_rows n
    JOIN old_rows o ON o."companyId" = n."companyId" AND o."id" = n."id"
    WHERE o."status" IS DISTINCT FROM n."status";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Contact_status_change_on_insert" AFTER INSERT ON "Contact"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_note_contact_status_insert"();

CREATE TRIGGER "Contact_status_change_on_update" AFTER UPDATE ON "Contact"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_note_contact_status_update"();
