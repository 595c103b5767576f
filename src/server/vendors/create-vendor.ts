import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { VendorKind } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";
import { conflict } from "@/server/errors";

export type CreateVendorOptions = { companyId: string; name: string; kind?: VendorKind; trade?: string | null };

export async function createVendor(db: Db, { companyId, name, kind, trade }: CreateVendorOptions) {
  try {
    return await db.vendor.create({
      data: { companyId, name, kind, trade: trade ?? null },
      select: { id: true, name: true, kind: true, trade: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`A company named "${name}" is already in the directory.`, { field: "name" });
    }
    throw error;
  }
}
