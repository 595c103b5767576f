-- Finding duplicate contacts, merging them and taking a merge back (issue 13).

-- Case and accents folded, as src/shared/fold-text.ts folds them (the same table): for
-- the duplicate keys below and for the directory search. IMMUTABLE, so generated
-- columns may use it.
CREATE FUNCTION "rollcall_fold"(t TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lower(translate(t, 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšȘșŢŤŦţťŧȚțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž', 'AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHHhhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSssssSsTTTtttTtUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz'))
$$;

-- The search matches folded words, and a phone by its digits whatever its format: the
-- phone is kept as digits only (the app searches a phone-like word by its digits), which
-- also keeps the text, and so the trigram index, as small as before.
DROP INDEX "Contact_companyId_searchText_idx";
ALTER TABLE "Contact" DROP COLUMN "searchText";
ALTER TABLE "Contact" ADD COLUMN "searchText" TEXT NOT NULL GENERATED ALWAYS AS (
    rollcall_fold("firstName" || ' ' || "lastName" || ' ' || coalesce("email", '') || ' ' ||
    regexp_replace(coalesce("phone", ''), '\D', '', 'g') || ' ' || coalesce("jobTitle", '') || ' ' || coalesce("employeeId", ''))
) STORED;
CREATE INDEX "Contact_companyId_searchText_idx" ON "Contact" USING GIN ("companyId" uuid_ops, "searchText" gin_trgm_ops);

-- What duplicates are found by, written by the database only: name parts folded to letters
-- and digits, email folded, phone digits, employee ID folded.
ALTER TABLE "Contact"
    ADD COLUMN "firstNameKey" TEXT NOT NULL GENERATED ALWAYS AS (regexp_replace(rollcall_fold("firstName"), '[^[:alnum:]]', '', 'g')) STORED,
    ADD COLUMN "lastNameKey" TEXT NOT NULL GENERATED ALWAYS AS (regexp_replace(rollcall_fold("lastName"), '[^[:alnum:]]', '', 'g')) STORED,
    ADD COLUMN "emailKey" TEXT GENERATED ALWAYS AS (nullif(lower(btrim("email")), '')) STORED,
    ADD COLUMN "phoneKey" TEXT GENERATED ALWAYS AS (nullif(regexp_replace(coalesce("phone", ''), '\D', '', 'g'), '')) STORED,
    ADD COLUMN "employeeIdKey" TEXT GENERATED ALWAYS AS (nullif(lower(btrim("employeeId")), '')) STORED;
CREATE INDEX "Contact_companyId_lastNameKey_firstNameKey_idx" ON "Contact"("companyId", "lastNameKey", "firstNameKey");
CREATE INDEX "Contact_companyId_emailKey_idx" ON "Contact"("companyId", "emailKey");
CREATE INDEX "Contact_companyId_phoneKey_idx" ON "Contact"("companyId", "phoneKey");
CREATE INDEX "Contact_companyId_employeeIdKey_idx" ON "Contact"("companyId", "employeeIdKey");

-- A merged contact points to the contact it was merged into, exactly while MERGED.
ALTER TABLE "Contact" ADD COLUMN "mergedIntoId" UUID;
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_mergedIntoId_matches_status" CHECK (("status" = 'MERGED') = ("mergedIntoId" IS NOT NULL));
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_mergedIntoId_fkey" FOREIGN KEY ("companyId", "mergedIntoId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Contact_companyId_mergedIntoId_idx" ON "Contact"("companyId", "mergedIntoId");

-- The lifecycle invariant, extended: an INACTIVE contact has no ACTIVE membership, and a
-- MERGED one is on no project directory at all (its memberships are REMOVED or moved).
CREATE OR REPLACE FUNCTION "rollcall_check_memberships_of_inactive_contacts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows m
        JOIN "Contact" c ON c."companyId" = m."companyId" AND c."id" = m."contactId"
        WHERE (m."status" = 'ACTIVE' AND c."status" IN ('INACTIVE', 'MERGED'))
           OR (m."status" = 'INACTIVE' AND c."status" = 'MERGED')
    ) THEN
        RAISE EXCEPTION 'an inactive contact cannot have an active project membership'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ProjectContact_contact_active';
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "rollcall_check_inactive_contacts_memberships"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows c
        JOIN "ProjectContact" m ON m."companyId" = c."companyId" AND m."contactId" = c."id"
        WHERE (c."status" = 'INACTIVE' AND m."status" = 'ACTIVE')
           OR (c."status" = 'MERGED' AND m."status" IN ('ACTIVE', 'INACTIVE'))
    ) THEN
        RAISE EXCEPTION 'an inactive contact cannot have an active project membership'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ProjectContact_contact_active';
    END IF;
    RETURN NULL;
END
$$;

-- A group of duplicates' id: the MD5 of its sorted contact ids, shaped as a version-8 UUID
-- (custom contents), so it is stable while its contacts are the same and valid wherever a UUID is.
CREATE FUNCTION "rollcall_group_id"(ids UUID[]) RETURNS UUID
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (substr(h, 1, 12) || '8' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
    FROM (SELECT md5(array_to_string(ids, ',')) AS h) AS x
$$;

-- A group of probable duplicates someone marked "Not duplicates". The group's id is a
-- hash of its contacts' ids; it stays dismissed until one of them changes after dismissedAt.
CREATE TABLE "ContactDuplicateDismissal" (
    "companyId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "contactIds" UUID[],
    "dismissedById" UUID,
    "dismissedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "ContactDuplicateDismissal_pkey" PRIMARY KEY ("companyId", "id")
);
ALTER TABLE "ContactDuplicateDismissal" ADD CONSTRAINT "ContactDuplicateDismissal_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The merge's batch and its two kinds of event.
ALTER TABLE "ChangeBatch" DROP CONSTRAINT "ChangeBatch_action_known";
ALTER TABLE "ChangeBatch" ADD CONSTRAINT "ChangeBatch_action_known" CHECK ("action" IN (
    'contact.create', 'contact.update', 'contacts.inactivate', 'contacts.reactivate',
    'project.add_contacts', 'project.remove_contacts', 'contacts.import', 'contacts.merge', 'batch.undo'));
ALTER TABLE "ContactEvent" DROP CONSTRAINT "ContactEvent_action_known";
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_action_known" CHECK ("action" IN (
    'contact.created', 'contact.updated', 'contact.inactivated', 'contact.reactivated',
    'contact.added_to_project', 'contact.removed_from_project', 'contact.imported', 'contact.updated_by_import',
    'contact.merged', 'contact.merged_into', 'batch.undone'));
