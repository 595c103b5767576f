import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Takes back an import, set-based, inside undoBatch's transaction (which has locked the
 * batch's contacts and checked none changed since). Updated contacts get each field's
 * previous value back; created contacts become DISCARDED — kept with their history, but
 * in no tab, list, count, search, picker or export, which all ask for ACTIVE or INACTIVE.
 * Every project directory the import put a contact on is left again (REMOVED, as a
 * removal leaves it, so reactivation never brings it back).
 */
export async function undoImport(
  tx: Prisma.TransactionClient,
  companyId: string,
  undoId: string,
  batchId: string,
): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ProjectContact" pc SET status = 'REMOVED', "removedAt" = now(), "updatedAt" = now()
    FROM "ContactEvent" e, jsonb_to_recordset(e.changes->'joined') AS j("projectId" uuid)
    WHERE e."companyId" = ${companyId}::uuid AND e."batchId" = ${batchId}::uuid
      AND pc."companyId" = e."companyId" AND pc."contactId" = e."contactId" AND pc."projectId" = j."projectId"
      AND pc.status <> 'REMOVED'`;
  await tx.$executeRaw`
    UPDATE "Contact" c SET
      status = CASE WHEN e.action = 'contact.imported' THEN 'DISCARDED'::"ContactStatus" ELSE c.status END,
      "firstName" = CASE WHEN f ? 'firstName' THEN f->'firstName'->>'from' ELSE c."firstName" END,
      "lastName" = CASE WHEN f ? 'lastName' THEN f->'lastName'->>'from' ELSE c."lastName" END,
      email = CASE WHEN f ? 'email' THEN f->'email'->>'from' ELSE c.email END,
      phone = CASE WHEN f ? 'phone' THEN f->'phone'->>'from' ELSE c.phone END,
      "jobTitle" = CASE WHEN f ? 'jobTitle' THEN f->'jobTitle'->>'from' ELSE c."jobTitle" END,
      "employeeId" = CASE WHEN f ? 'employeeId' THEN f->'employeeId'->>'from' ELSE c."employeeId" END,
      classification = CASE WHEN f ? 'classification' THEN f->'classification'->>'from' ELSE c.classification END,
      "isEmployee" = CASE WHEN f ? 'isEmployee' THEN (f->'isEmployee'->>'from')::boolean ELSE c."isEmployee" END,
      "vendorId" = CASE WHEN f ? 'vendorId' THEN (f->'vendorId'->>'from')::uuid ELSE c."vendorId" END,
      "updatedAt" = now()
    FROM "ContactEvent" e CROSS JOIN LATERAL (SELECT CASE WHEN e.action = 'contact.updated_by_import' THEN e.changes->'fields' ELSE '{}'::jsonb END AS f) AS u
    WHERE e."companyId" = ${companyId}::uuid AND e."batchId" = ${batchId}::uuid
      AND c."companyId" = e."companyId" AND c.id = e."contactId"`;
  await tx.$executeRaw`
    INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
    SELECT "companyId", "contactId", ${undoId}::uuid, 'batch.undone', "projectIds",
           jsonb_build_object(
             'undoes', ${batchId}::text,
             'discarded', action = 'contact.imported',
             'fields', CASE WHEN action = 'contact.updated_by_import' THEN
               (SELECT COALESCE(jsonb_object_agg(k, jsonb_build_object('from', v->'to', 'to', v->'from')), '{}'::jsonb)
                FROM jsonb_each(changes->'fields') AS x(k, v))
             ELSE '{}'::jsonb END)
    FROM "ContactEvent" WHERE "companyId" = ${companyId}::uuid AND "batchId" = ${batchId}::uuid`;
}
