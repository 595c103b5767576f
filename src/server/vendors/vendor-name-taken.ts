import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { conflict, type DomainError } from "@/server/errors";

/** A unique violation: another company of this company already has the name (ignoring case and spaces). */
export function isNameTaken(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  // Raw statements surface the driver's error: PostgreSQL's unique_violation.
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /23505|unique constraint/i.test(text) && /Vendor_companyId_name_key/.test(text);
}

/**
 * The 409 a person can act on: which company has the name, and whether it is inactive
 * (then reactivating it is the way, not a second one).
 */
export async function nameTakenError(db: Db, companyId: string, name: string): Promise<DomainError> {
  const [existing] = await db.$queryRaw<{ id: string; name: string; status: string }[]>`
    SELECT id::text AS id, name, status::text AS status FROM "Vendor"
    WHERE "companyId" = ${companyId}::uuid AND lower(btrim(name)) = lower(btrim(${name})) AND status <> 'MERGED'
    LIMIT 1`;
  const shown = existing?.name ?? name.trim();
  return conflict(
    existing?.status === "INACTIVE"
      ? `An inactive company named "${shown}" is already in the directory. Reactivate it on Inactive Companies instead of adding it again.`
      : `A company named "${shown}" is already in the directory. Choose another name, or use the one there.`,
    { field: "name", vendorId: existing?.id ?? null },
  );
}
