"use server";

import { z } from "zod";
import { companyPages, serverAction } from "@/server/actions/server-action";
import { dismissDuplicateGroup, getMergeCandidates } from "@/server/contacts/find-duplicate-groups";
import { mergeContactsOnce } from "@/server/contacts/merge-contacts";
import { DomainError } from "@/server/errors";
import { MAX_MERGE_CONTACTS, mergeContactsSchema } from "@/shared/contact-merge";
import { recordId } from "@/shared/record-id";
import type { MergeCandidate } from "./merge-candidate";

const companyIdShape = { companyId: recordId() };

/** Merge Contacts' Merge: the kept contact's id and the merge's batch, for the toast's Undo. */
export const mergeContactsAction = serverAction({
  input: z.intersection(
    mergeContactsSchema,
    z.strictObject({ ...companyIdShape, idempotencyKey: z.string().min(1).max(255).optional() }),
  ),
  access: () => ({ permission: "change contact status" }),
  run: async ({ db, actor, input: { companyId, idempotencyKey, ...input } }) => {
    const { batchId, contact } = await mergeContactsOnce(db, { companyId, input, actor, idempotencyKey });
    return { batchId, keptId: contact.id, name: `${contact.firstName} ${contact.lastName}` };
  },
  revalidate: (_result, { companyId }) => companyPages(companyId),
});

/** Not duplicates: the group leaves the Duplicates page until one of its contacts changes. */
export const dismissDuplicatesAction = serverAction({
  input: z.strictObject({ ...companyIdShape, groupId: recordId() }),
  access: () => ({ permission: "change contact status" }),
  run: async ({ db, actor, input: { companyId, groupId } }) => {
    const dismissed = await dismissDuplicateGroup(db, { companyId, groupId, userId: actor.userId });
    if (!dismissed) throw new DomainError("not_found", "That group has changed since. Reload the page.");
    return { groupId };
  },
  revalidate: (_result, { companyId }) => ({ path: `/companies/${companyId}/directory`, type: "layout" }),
});

/** The ticked contacts, with what Merge Contacts shows of each (Bulk Actions → Merge). */
export const loadMergeCandidatesAction = serverAction({
  input: z.strictObject({
    ...companyIdShape,
    contactIds: z.array(recordId()).min(2).max(MAX_MERGE_CONTACTS),
  }),
  access: () => ({ permission: "change contact status" }),
  run: ({ db, input: { companyId, contactIds } }): Promise<MergeCandidate[]> =>
    getMergeCandidates(db, { companyId, contactIds }),
});
