-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'REMOVED');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('BIDDING', 'ACTIVE', 'ON_HOLD', 'COMPLETED');

-- CreateEnum
CREATE TYPE "VendorKind" AS ENUM ('SUBCONTRACTOR', 'SUPPLIER');

-- CreateEnum
CREATE TYPE "ContactOrigin" AS ENUM ('DIRECTORY', 'CREWS', 'TIMESHEETS', 'TM_TICKETS', 'INCIDENTS', 'INSPECTIONS', 'DAILY_LOG', 'IMPORT', 'API');

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Company_name_not_blank" CHECK (btrim("name") <> '')
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VendorKind" NOT NULL DEFAULT 'SUBCONTRACTOR',
    "trade" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Vendor_name_not_blank" CHECK (btrim("name") <> '')
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "number" TEXT,
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Project_name_not_blank" CHECK (btrim("name") <> '')
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "jobTitle" TEXT,
    "employeeId" TEXT,
    "classification" TEXT,
    "isEmployee" BOOLEAN NOT NULL DEFAULT false,
    "vendorId" UUID,
    "origin" "ContactOrigin" NOT NULL DEFAULT 'DIRECTORY',
    "originProjectId" UUID,
    "status" "ContactStatus" NOT NULL DEFAULT 'ACTIVE',
    "inactivatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Contact_firstName_not_blank" CHECK (btrim("firstName") <> ''),
    CONSTRAINT "Contact_lastName_not_blank" CHECK (btrim("lastName") <> ''),
    -- inactivatedAt is set exactly while the contact is inactive.
    CONSTRAINT "Contact_inactivatedAt_matches_status" CHECK (("status" = 'INACTIVE') = ("inactivatedAt" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "ProjectContact" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "companyId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "removedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectContact_pkey" PRIMARY KEY ("id"),
    -- removedAt is set exactly while the membership is removed.
    CONSTRAINT "ProjectContact_removedAt_matches_status" CHECK (("status" = 'REMOVED') = ("removedAt" IS NOT NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_companyId_id_key" ON "Vendor"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_companyId_name_key" ON "Vendor"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Project_companyId_id_key" ON "Project"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Project_companyId_number_key" ON "Project"("companyId", "number");

-- CreateIndex
CREATE INDEX "Project_companyId_name_idx" ON "Project"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_companyId_id_key" ON "Contact"("companyId", "id");

-- CreateIndex
CREATE INDEX "Contact_companyId_status_lastName_firstName_idx" ON "Contact"("companyId", "status", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Contact_companyId_vendorId_idx" ON "Contact"("companyId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectContact_companyId_projectId_contactId_key" ON "ProjectContact"("companyId", "projectId", "contactId");

-- CreateIndex
CREATE INDEX "ProjectContact_companyId_contactId_status_idx" ON "ProjectContact"("companyId", "contactId", "status");

-- CreateIndex
CREATE INDEX "ProjectContact_companyId_projectId_status_idx" ON "ProjectContact"("companyId", "projectId", "status");

-- AddForeignKey
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_vendorId_fkey" FOREIGN KEY ("companyId", "vendorId") REFERENCES "Vendor"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_originProjectId_fkey" FOREIGN KEY ("companyId", "originProjectId") REFERENCES "Project"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectContact" ADD CONSTRAINT "ProjectContact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectContact" ADD CONSTRAINT "ProjectContact_companyId_projectId_fkey" FOREIGN KEY ("companyId", "projectId") REFERENCES "Project"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectContact" ADD CONSTRAINT "ProjectContact_companyId_contactId_fkey" FOREIGN KEY ("companyId", "contactId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The lifecycle invariant, which no CHECK can express across two tables: an INACTIVE
-- contact has no ACTIVE project membership. Statement-level triggers with transition
-- tables check each write once, set-based, so a bulk change of 10,000 contacts pays
-- for one join rather than 10,000 row triggers. Writers therefore order their
-- statements: inactivate memberships before the contact, reactivate the contact
-- before its memberships.
CREATE FUNCTION "rollcall_check_memberships_of_inactive_contacts"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows m
        JOIN "Contact" c ON c."companyId" = m."companyId" AND c."id" = m."contactId"
        WHERE m."status" = 'ACTIVE' AND c."status" = 'INACTIVE'
    ) THEN
        RAISE EXCEPTION 'an inactive contact cannot have an active project membership'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ProjectContact_contact_active';
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION "rollcall_check_inactive_contacts_memberships"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows c
        JOIN "ProjectContact" m ON m."companyId" = c."companyId" AND m."contactId" = c."id"
        WHERE c."status" = 'INACTIVE' AND m."status" = 'ACTIVE'
    ) THEN
        RAISE EXCEPTION 'an inactive contact cannot have an active project membership'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ProjectContact_contact_active';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "ProjectContact_contact_active_on_insert" AFTER INSERT ON "ProjectContact"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_check_memberships_of_inactive_contacts"();

CREATE TRIGGER "ProjectContact_contact_active_on_update" AFTER UPDATE ON "ProjectContact"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_check_memberships_of_inactive_contacts"();

CREATE TRIGGER "Contact_no_active_memberships_when_inactive" AFTER UPDATE ON "Contact"
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "rollcall_check_inactive_contacts_memberships"();
