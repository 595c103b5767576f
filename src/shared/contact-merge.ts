import { z } from "zod";
import { CONTACT_FIELDS, type ContactField } from "./contact-fields";
import { reasonSchema } from "./bulk-selection";
import { MAX_MERGE_CONTACTS } from "./directory-query";
import { recordId } from "./record-id";

// The merge's client-safe contract: what the dialog, the server action and the API send.

export { MAX_MERGE_CONTACTS };

/** Every contact field takes its value from one of the merged contacts. */
export const MERGE_FIELDS: readonly ContactField[] = CONTACT_FIELDS;

export const mergeContactsSchema = z
  .strictObject({
    keepId: recordId({ error: "keepId must be a contact's id (a UUID)." }),
    mergeIds: z
      .array(recordId({ error: "Each of mergeIds must be a contact's id (a UUID)." }))
      .min(1, { error: "Choose at least one contact to merge into the kept one." })
      .max(MAX_MERGE_CONTACTS - 1, { error: `Merge at most ${MAX_MERGE_CONTACTS} contacts at once.` }),
    /** Per field, the contact whose value the kept contact takes; the kept contact's own value otherwise. */
    fields: z
      .partialRecord(
        z.enum(MERGE_FIELDS as [ContactField, ...ContactField[]]),
        recordId({ error: "Each field names a contact's id." }),
      )
      .optional(),
    /** The kept contact's status after the merge; its own status when absent. */
    status: z.enum(["active", "inactive"]).optional(),
    reason: reasonSchema.nullable(),
  })
  .superRefine((input, ctx) => {
    if (input.mergeIds.includes(input.keepId)) {
      ctx.addIssue({ code: "custom", path: ["mergeIds"], message: "A contact cannot be merged with itself." });
    }
    if (new Set(input.mergeIds).size !== input.mergeIds.length) {
      ctx.addIssue({ code: "custom", path: ["mergeIds"], message: "Each contact may be named once." });
    }
    const group = new Set([input.keepId, ...input.mergeIds]);
    for (const [field, contactId] of Object.entries(input.fields ?? {})) {
      if (!group.has(contactId)) {
        ctx.addIssue({
          code: "custom",
          path: ["fields", field],
          message: `The ${field} must come from one of the contacts being merged.`,
        });
      }
    }
  });
export type MergeContactsInput = z.output<typeof mergeContactsSchema>;
