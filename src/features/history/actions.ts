"use server";

import { companyPages, serverAction } from "@/server/actions/server-action";
import { batchPermission } from "@/server/history/batch-permission";
import { getBatch, undoBatchOnce } from "@/server/history/undo-batch";
import { listBatchEvents } from "@/server/history/list-history-batches";
import { projectNames } from "@/server/projects/project-names";
import { describeChange } from "./describe-change";
import { batchContactsInputSchema, undoBatchInputSchema } from "./validations";

export type UndoSummary = { batchId: string; undone: number; companiesUndone: number; projectsAffected: number };

/** Undo from the toast: puts back what one bulk change did, or says why it cannot. */
export const undoBatchAction = serverAction({
  input: undoBatchInputSchema,
  // Undoing takes the permission the change took: the batch is looked up once the caller is known to be a member.
  access: async ({ companyId, batchId }, db) => {
    const batch = await getBatch(db, companyId, batchId);
    return batch ? batchPermission(batch) : { refused: "That change was not found. Reload the page." };
  },
  run: async ({ db, actor, input: { companyId, batchId, idempotencyKey } }): Promise<UndoSummary> => {
    const r = await undoBatchOnce(db, { companyId, batchId, actor, idempotencyKey });
    return {
      batchId: r.batchId,
      undone: r.contactIds.length,
      companiesUndone: r.vendorIds.length,
      projectsAffected: r.projectIds.length,
    };
  },
  revalidate: (_, { companyId }) => companyPages(companyId),
});

export type BatchContacts = {
  total: number;
  contacts: { eventId: string; contactId: string; name: string; change: string }[];
};

/** A change's contacts, a page at a time, for its expanded row of the Change History. */
export const listBatchContactsAction = serverAction({
  input: batchContactsInputSchema,
  access: () => ({ permission: "view history" }),
  run: async ({ db, input: { companyId, batchId, page } }): Promise<BatchContacts> => {
    const { items, total } = await listBatchEvents(db, { companyId, batchId, page });
    const names = await projectNames(
      db,
      companyId,
      items.flatMap((i) => i.projectIds),
    );
    return {
      total,
      contacts: items.map((item) => ({
        eventId: item.id,
        contactId: item.contact.id,
        name: item.contact.name,
        change: describeChange(item, names),
      })),
    };
  },
});
