import "server-only";
import type { Db } from "@/server/db/transaction";

export function listVendors(db: Db, companyId: string) {
  return db.vendor.findMany({
    where: { companyId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, trade: true },
  });
}
