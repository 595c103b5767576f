import "server-only";
import type { Db } from "@/server/db/transaction";

/** The company's kept messages, newest first. */
export function listOutbox(db: Db, { companyId, take = 200 }: { companyId: string; take?: number }) {
  return db.outboxMessage.findMany({
    where: { companyId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, links: true, createdAt: true },
  });
}
export type OutboxItem = Awaited<ReturnType<typeof listOutbox>>[number];
