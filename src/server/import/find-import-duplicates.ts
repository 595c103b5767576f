import "server-only";
import type { Db } from "@/server/db/transaction";
import { DUPLICATE_REASONS, SIMILAR_NAME_THRESHOLD, type DuplicateReason } from "@/shared/duplicate-reasons";

/** A row about to create a contact, as the duplicate rules see it. */
export type NewRow = {
  row: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  employeeId: string | null;
  /** The row's company when the directory has it; null for none or a company the import creates. */
  vendorId: string | null;
  /** The row's company by name (vendorKey), so rows naming the same new company compare equal. */
  vendorKey: string | null;
};

export type RowDuplicate = {
  row: number;
  reasons: DuplicateReason[];
} & (
  | { contact: { id: string; name: string; status: "ACTIVE" | "INACTIVE" }; ofRow?: undefined }
  | { ofRow: number; contact?: undefined }
);

/** At most this many probable duplicates are named per row. */
const PER_ROW = 3;

/**
 * Which new rows of an import are probably a contact already in the directory, or an
 * earlier row of the same file, by Add Contact's rules (find-duplicate-contacts.ts) on the
 * same generated keys: same Employee ID, email (any case), phone digits (7 or more),
 * folded name with the same company or none, near-identical name at the same company.
 * One statement for every row of the file; each rule is its own join so the key indexes
 * serve it. Strongest first, at most three per row.
 */
export async function findImportDuplicates(db: Db, companyId: string, rows: NewRow[]): Promise<RowDuplicate[]> {
  if (rows.length === 0) return [];
  const found = await db.$queryRaw<
    {
      row: number;
      contactId: string | null;
      ofRow: number | null;
      name: string | null;
      status: string | null;
      reasons: DuplicateReason[];
    }[]
  >`
    WITH r AS MATERIALIZED (
      SELECT r.row,
             regexp_replace(rollcall_fold(r."firstName"), '[^[:alnum:]]', '', 'g') AS f,
             regexp_replace(rollcall_fold(r."lastName"), '[^[:alnum:]]', '', 'g') AS l,
             nullif(lower(btrim(r.email)), '') AS e,
             nullif(regexp_replace(coalesce(r.phone, ''), '\\D', '', 'g'), '') AS p,
             nullif(lower(btrim(r."employeeId")), '') AS x,
             r."vendorId" AS v, r."vendorKey" AS vk
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        row int, "firstName" text, "lastName" text, email text, phone text, "employeeId" text, "vendorId" uuid, "vendorKey" text)
    ), c AS NOT MATERIALIZED (
      SELECT id, "firstName", "lastName", status, "employeeIdKey", "emailKey", "phoneKey", "firstNameKey", "lastNameKey", "vendorId"
      FROM "Contact" WHERE "companyId" = ${companyId}::uuid AND status IN ('ACTIVE', 'INACTIVE')
    ), hits AS (
      SELECT r.row, c.id AS "contactId", NULL::int AS "ofRow", 'same_employee_id' AS reason FROM r JOIN c ON c."employeeIdKey" = r.x
      UNION ALL
      SELECT r.row, c.id, NULL, 'same_email' FROM r JOIN c ON c."emailKey" = r.e
      UNION ALL
      SELECT r.row, c.id, NULL, 'same_phone' FROM r JOIN c ON c."phoneKey" = r.p WHERE length(r.p) >= 7
      UNION ALL
      SELECT r.row, c.id, NULL, 'same_name' FROM r JOIN c ON c."lastNameKey" = r.l AND c."firstNameKey" = r.f
      WHERE c."vendorId" IS NULL OR r.vk IS NULL OR c."vendorId" = r.v
      UNION ALL
      SELECT r.row, c.id, NULL, 'similar_name' FROM r JOIN c ON c."vendorId" = r.v AND c."lastNameKey" = r.l
      WHERE c."firstNameKey" <> r.f AND similarity(c."firstNameKey" || ' ' || c."lastNameKey", r.f || ' ' || r.l) >= ${SIMILAR_NAME_THRESHOLD}
      UNION ALL
      SELECT r.row, c.id, NULL, 'similar_name' FROM r JOIN c ON c."vendorId" = r.v AND c."firstNameKey" = r.f
      WHERE c."lastNameKey" <> r.l AND similarity(c."firstNameKey" || ' ' || c."lastNameKey", r.f || ' ' || r.l) >= ${SIMILAR_NAME_THRESHOLD}
      UNION ALL
      SELECT b.row, NULL, a.row, 'same_phone' FROM r a JOIN r b ON b.p = a.p AND a.row < b.row WHERE length(a.p) >= 7
      UNION ALL
      SELECT b.row, NULL, a.row, 'same_name' FROM r a JOIN r b ON b.l = a.l AND b.f = a.f AND a.row < b.row
      WHERE a.vk IS NULL OR b.vk IS NULL OR a.vk = b.vk
      UNION ALL
      SELECT b.row, NULL, a.row, 'similar_name' FROM r a JOIN r b ON b.vk = a.vk AND b.l = a.l AND a.row < b.row
      WHERE b.f <> a.f AND similarity(a.f || ' ' || a.l, b.f || ' ' || b.l) >= ${SIMILAR_NAME_THRESHOLD}
      UNION ALL
      SELECT b.row, NULL, a.row, 'similar_name' FROM r a JOIN r b ON b.vk = a.vk AND b.f = a.f AND a.row < b.row
      WHERE b.l <> a.l AND similarity(a.f || ' ' || a.l, b.f || ' ' || b.l) >= ${SIMILAR_NAME_THRESHOLD}
    ), grouped AS (
      SELECT row, "contactId", "ofRow", array_agg(DISTINCT reason) AS reasons,
             min(array_position(${[...DUPLICATE_REASONS]}::text[], reason)) AS strength
      FROM hits GROUP BY row, "contactId", "ofRow"
    ), ranked AS (
      SELECT g.*, row_number() OVER (PARTITION BY g.row ORDER BY g.strength, g."ofRow" NULLS FIRST, g."contactId") AS n
      FROM grouped g
    )
    SELECT k.row, k."contactId"::text AS "contactId", k."ofRow", k.reasons,
           c."firstName" || ' ' || c."lastName" AS name, c.status::text AS status
    FROM ranked k LEFT JOIN c ON c.id = k."contactId"
    WHERE k.n <= ${PER_ROW}
    ORDER BY k.row, k.n`;
  return found.map((f): RowDuplicate => {
    const reasons = [...f.reasons].sort((a, b) => DUPLICATE_REASONS.indexOf(a) - DUPLICATE_REASONS.indexOf(b));
    return f.contactId
      ? {
          row: f.row,
          reasons,
          contact: { id: f.contactId, name: f.name!, status: f.status as "ACTIVE" | "INACTIVE" },
        }
      : { row: f.row, reasons, ofRow: f.ofRow! };
  });
}
