-- Ready to shard by company (issue 16.6): every tenant table's primary key leads with
-- "companyId", so Citus can distribute it by company (it refuses a primary key or unique
-- constraint without the distribution column). The (companyId, id) unique indexes the
-- composite foreign keys pointed at become the primary keys; the foreign keys are made
-- again against them. Global tables (User, Session, Account, Verification, RateLimit,
-- ApiToken) keep their keys: they are Citus reference tables (docs/scaling.md).

-- The composite foreign keys depend on the unique indexes being replaced.
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_companyId_vendorId_fkey";
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_companyId_originProjectId_fkey";
ALTER TABLE "ProjectContact" DROP CONSTRAINT "ProjectContact_companyId_projectId_fkey";
ALTER TABLE "ProjectContact" DROP CONSTRAINT "ProjectContact_companyId_contactId_fkey";
ALTER TABLE "Crew" DROP CONSTRAINT "Crew_companyId_projectId_fkey";
ALTER TABLE "CrewMember" DROP CONSTRAINT "CrewMember_companyId_contactId_fkey";
ALTER TABLE "CrewMember" DROP CONSTRAINT "CrewMember_companyId_crewId_fkey";
ALTER TABLE "ProjectPermission" DROP CONSTRAINT "ProjectPermission_companyId_projectId_fkey";
ALTER TABLE "ContactEvent" DROP CONSTRAINT "ContactEvent_companyId_contactId_fkey";
ALTER TABLE "ContactEvent" DROP CONSTRAINT "ContactEvent_companyId_batchId_fkey";

-- (companyId, id) unique → primary key.
ALTER TABLE "Vendor" DROP CONSTRAINT "Vendor_pkey", ADD CONSTRAINT "Vendor_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "Vendor_companyId_id_key";
ALTER TABLE "Project" DROP CONSTRAINT "Project_pkey", ADD CONSTRAINT "Project_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "Project_companyId_id_key";
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_pkey", ADD CONSTRAINT "Contact_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "Contact_companyId_id_key";
ALTER TABLE "Crew" DROP CONSTRAINT "Crew_pkey", ADD CONSTRAINT "Crew_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "Crew_companyId_id_key";
ALTER TABLE "ChangeBatch" DROP CONSTRAINT "ChangeBatch_pkey", ADD CONSTRAINT "ChangeBatch_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "ChangeBatch_companyId_id_key";
ALTER TABLE "ContactEvent" DROP CONSTRAINT "ContactEvent_pkey", ADD CONSTRAINT "ContactEvent_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "ContactEvent_companyId_id_key";
ALTER TABLE "ImportDraft" DROP CONSTRAINT "ImportDraft_pkey", ADD CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("companyId", "id");
DROP INDEX "ImportDraft_companyId_id_key";

-- Tables nothing points at: the primary key gains "companyId".
ALTER TABLE "ProjectContact" DROP CONSTRAINT "ProjectContact_pkey", ADD CONSTRAINT "ProjectContact_pkey" PRIMARY KEY ("companyId", "id");
ALTER TABLE "CrewMember" DROP CONSTRAINT "CrewMember_pkey", ADD CONSTRAINT "CrewMember_pkey" PRIMARY KEY ("companyId", "id");
ALTER TABLE "CompanyMember" DROP CONSTRAINT "CompanyMember_pkey", ADD CONSTRAINT "CompanyMember_pkey" PRIMARY KEY ("companyId", "id");
ALTER TABLE "ProjectPermission" DROP CONSTRAINT "ProjectPermission_pkey", ADD CONSTRAINT "ProjectPermission_pkey" PRIMARY KEY ("companyId", "id");

-- The foreign keys again, now against the primary keys.
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_vendorId_fkey" FOREIGN KEY ("companyId", "vendorId") REFERENCES "Vendor"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_companyId_originProjectId_fkey" FOREIGN KEY ("companyId", "originProjectId") REFERENCES "Project"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProjectContact" ADD CONSTRAINT "ProjectContact_companyId_projectId_fkey" FOREIGN KEY ("companyId", "projectId") REFERENCES "Project"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProjectContact" ADD CONSTRAINT "ProjectContact_companyId_contactId_fkey" FOREIGN KEY ("companyId", "contactId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Crew" ADD CONSTRAINT "Crew_companyId_projectId_fkey" FOREIGN KEY ("companyId", "projectId") REFERENCES "Project"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CrewMember" ADD CONSTRAINT "CrewMember_companyId_contactId_fkey" FOREIGN KEY ("companyId", "contactId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CrewMember" ADD CONSTRAINT "CrewMember_companyId_crewId_fkey" FOREIGN KEY ("companyId", "crewId") REFERENCES "Crew"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProjectPermission" ADD CONSTRAINT "ProjectPermission_companyId_projectId_fkey" FOREIGN KEY ("companyId", "projectId") REFERENCES "Project"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_companyId_contactId_fkey" FOREIGN KEY ("companyId", "contactId") REFERENCES "Contact"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContactEvent" ADD CONSTRAINT "ContactEvent_companyId_batchId_fkey" FOREIGN KEY ("companyId", "batchId") REFERENCES "ChangeBatch"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
