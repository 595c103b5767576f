import "server-only";
import { inTransaction, type Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { SYSTEM, type ChangedBy } from "@/server/history/changed-by";
import { lockContacts } from "@/server/contacts/lock-contacts";
import { openBatch } from "@/server/history/open-batch";
import type { HistoryAction, HistoryChanges } from "@/shared/history-events";

const ADDED = "contact.added_to_project" satisfies HistoryAction;
const JOINED: HistoryChanges<typeof ADDED> = { membership: { from: null, to: "ACTIVE" } };
const CAME_BACK: HistoryChanges<typeof ADDED> = { membership: { from: "REMOVED", to: "ACTIVE" } };

export type AddContactsToProjectOptions = {
  companyId: string;
  projectId: string;
  contactIds: string[];
  by?: ChangedBy;
};

export type AddContactsToProjectResult = {
  /** The change's record in the history (null when nothing changed). */
  batchId: string | null;
  /** Contacts that joined the project directory for the first time. */
  added: string[];
  /** Contacts that had been removed from it and are back. */
  restored: string[];
  skipped: { id: string; reason: "already on project" | "inactive" | "not found" | "merged" }[];
};

/**
 * Puts active contacts on a project's directory, set-based: new members are inserted,
 * removed ones come back. Inactive contacts are refused (reactivate them first), as the
 * lifecycle invariant demands. Contacts are locked first (lockContacts), like every writer.
 */
export function addContactsToProject(
  db: Db,
  { companyId, projectId, contactIds, by = SYSTEM }: AddContactsToProjectOptions,
) {
  return inTransaction(db, async (tx): Promise<AddContactsToProjectResult> => {
    const project = await tx.project.findUnique({
      where: { companyId_id: { companyId, id: projectId } },
      select: { id: true },
    });
    if (!project) throw notFound("Project not found.");
    const found = await lockContacts(tx, companyId, contactIds);
    const active = found.filter((c) => c.status === "ACTIVE").map((c) => c.id);
    // Contacts already on the project (not removed) are skipped; only the others get a batch.
    const joining = active.length
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT a.id::text AS id FROM unnest(${active}::uuid[]) AS a(id)
          WHERE NOT EXISTS (
            SELECT 1 FROM "ProjectContact" pc
            WHERE pc."companyId" = ${companyId}::uuid AND pc."projectId" = ${projectId}::uuid
              AND pc."contactId" = a.id AND pc.status <> 'REMOVED')`
      : [];
    const batchId = joining.length ? await openBatch(tx, companyId, "project.add_contacts", by, { projectId }) : null;
    const changed = joining.length
      ? await tx.$queryRaw<{ contactId: string; restored: boolean }[]>`
          WITH joined AS (
            INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId")
            SELECT ${companyId}::uuid, ${projectId}::uuid, id FROM unnest(${joining.map((j) => j.id)}::uuid[]) AS id
            ON CONFLICT ("companyId", "projectId", "contactId") DO UPDATE
              SET status = 'ACTIVE', "removedAt" = NULL, "updatedAt" = now()
              WHERE "ProjectContact".status = 'REMOVED'
            RETURNING "contactId", (xmax <> 0) AS restored
          ), events AS (
            INSERT INTO "ContactEvent" ("companyId", "contactId", "batchId", action, "projectIds", changes)
            SELECT ${companyId}::uuid, "contactId", ${batchId}::uuid, ${ADDED}, ARRAY[${projectId}::uuid],
                   CASE WHEN restored THEN ${JSON.stringify(CAME_BACK)}::jsonb ELSE ${JSON.stringify(JOINED)}::jsonb END
            FROM joined
          )
          SELECT "contactId"::text AS "contactId", restored FROM joined`
      : [];
    const done = new Set(changed.map((c) => c.contactId));
    const status = new Map(found.map((c) => [c.id, c.status]));
    return {
      batchId,
      added: changed.filter((c) => !c.restored).map((c) => c.contactId),
      restored: changed.filter((c) => c.restored).map((c) => c.contactId),
      skipped: contactIds.flatMap((id): AddContactsToProjectResult["skipped"] => {
        if (done.has(id)) return [];
        const s = status.get(id);
        if (s === undefined) return [{ id, reason: "not found" }];
        if (s === "MERGED") return [{ id, reason: "merged" }];
        return [{ id, reason: s === "ACTIVE" ? "already on project" : "inactive" }];
      }),
    };
  });
}
