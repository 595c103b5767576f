import "server-only";
import type { z } from "zod";
import type { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { changedBy } from "@/server/history/changed-by";
import { withIdempotency } from "@/server/idempotency/with-idempotency";
import type { ApiInput } from "./route";
import type { bulkContactsBody, bulkResultSchema } from "./schemas";

/** Bulk inactivate and reactivate: the same change, recorded with its actor and reason, retry-safe. */
export async function runBulkStatusChange(
  { db, actor, params, body, idempotencyKey }: Pick<ApiInput<"/companies/{companyId}", undefined, typeof bulkContactsBody>, "db" | "actor" | "params" | "body" | "idempotencyKey">,
  kind: "inactivate" | "reactivate",
  change: typeof reactivateContacts,
): Promise<z.input<typeof bulkResultSchema>> {
  const { result } = await withIdempotency(
    db,
    { companyId: params.companyId, userId: actor.userId, key: idempotencyKey, request: [kind, body] },
    async (tx) => {
      const r = await change(tx, { companyId: params.companyId, contactIds: body.contactIds, by: changedBy(actor, body.reason) });
      return { batchId: r.batchId, changed: r.changed.length, skipped: r.skipped, projectsAffected: r.projectIds.length };
    },
  );
  return result;
}
