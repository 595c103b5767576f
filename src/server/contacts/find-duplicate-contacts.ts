import "server-only";
import type { ContactStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";
import { DUPLICATE_REASONS, SIMILAR_NAME_THRESHOLD, type DuplicateReason } from "@/shared/duplicate-reasons";

export type FindDuplicateContactsOptions = {
  companyId: string;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  employeeId?: string | null;
  vendorId?: string | null;
  /** When editing, the contact itself is no duplicate. */
  exceptId?: string;
};

export type ProbableDuplicate = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  status: ContactStatus;
  reasons: DuplicateReason[];
};

/**
 * Existing contacts that are probably the person about to be added, by the Duplicates
 * page's rules (find-duplicate-groups.ts) on the same generated keys, the new values
 * folded by the same database functions: same Employee ID, email (any case), phone
 * digits, folded name with the same company or none, or a near-identical name at the
 * same company. Strongest first, at most five.
 */
export async function findDuplicateContacts(
  db: Db,
  { companyId, firstName, lastName, email, phone, employeeId, vendorId, exceptId }: FindDuplicateContactsOptions,
): Promise<ProbableDuplicate[]> {
  const rows = await db.$queryRaw<(Omit<ProbableDuplicate, "reasons"> & { reasons: (DuplicateReason | null)[] })[]>`
    WITH n AS (
      SELECT regexp_replace(rollcall_fold(${firstName}), '[^[:alnum:]]', '', 'g') AS f,
             regexp_replace(rollcall_fold(${lastName}), '[^[:alnum:]]', '', 'g') AS l,
             nullif(lower(btrim(${email ?? null}::text)), '') AS e,
             nullif(regexp_replace(coalesce(${phone ?? null}::text, ''), '\\D', '', 'g'), '') AS p,
             nullif(lower(btrim(${employeeId ?? null}::text)), '') AS x,
             ${vendorId ?? null}::uuid AS v
    ), found AS (
      SELECT c.id, c."firstName", c."lastName", c.email, c.status, ARRAY[
        CASE WHEN c."employeeIdKey" = n.x THEN 'same_employee_id' END,
        CASE WHEN c."emailKey" = n.e THEN 'same_email' END,
        CASE WHEN length(n.p) >= 7 AND c."phoneKey" = n.p THEN 'same_phone' END,
        CASE WHEN c."lastNameKey" = n.l AND c."firstNameKey" = n.f AND (c."vendorId" IS NULL OR n.v IS NULL OR c."vendorId" = n.v)
             THEN 'same_name' END,
        CASE WHEN c."vendorId" = n.v AND (c."lastNameKey" = n.l OR c."firstNameKey" = n.f)
               AND (c."lastNameKey" <> n.l OR c."firstNameKey" <> n.f)
               AND similarity(c."firstNameKey" || ' ' || c."lastNameKey", n.f || ' ' || n.l) >= ${SIMILAR_NAME_THRESHOLD}
             THEN 'similar_name' END
      ] AS reasons
      FROM "Contact" c, n
      WHERE c."companyId" = ${companyId}::uuid AND c.status IN ('ACTIVE', 'INACTIVE')
        AND c.id <> coalesce(${exceptId ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
        AND (c."employeeIdKey" = n.x OR c."emailKey" = n.e OR (length(n.p) >= 7 AND c."phoneKey" = n.p)
             OR (c."lastNameKey" = n.l AND c."firstNameKey" = n.f)
             OR (c."vendorId" = n.v AND (c."lastNameKey" = n.l OR c."firstNameKey" = n.f)))
    )
    SELECT id::text AS id, "firstName", "lastName", email, status::text AS status, reasons FROM found
    WHERE reasons <> ARRAY[NULL, NULL, NULL, NULL, NULL]::text[]
    ORDER BY (SELECT min(array_position(${[...DUPLICATE_REASONS]}::text[], r)) FROM unnest(reasons) AS r), id
    LIMIT 5`;
  return rows.map((r) => ({ ...r, reasons: r.reasons.filter((x): x is DuplicateReason => x !== null) }));
}
