"use server";

import { z } from "zod";
import type { ComboboxOption } from "@/components/ui/combobox";
import { VendorKind } from "@/generated/prisma/enums";
import { companyPages, serverAction } from "@/server/actions/server-action";
import { conflict, notFound } from "@/server/errors";
import { changedBy } from "@/server/history/changed-by";
import { can, REFUSAL } from "@/server/permissions/can";
import {
  applyBulkVendorStatusChange,
  type BulkVendorStatusSummary,
} from "@/server/vendors/apply-bulk-vendor-status-change";
import { createVendor } from "@/server/vendors/create-vendor";
import { getVendor } from "@/server/vendors/get-vendor";
import { mergeVendorsOnce } from "@/server/vendors/merge-vendors";
import { searchVendorOptions } from "@/server/vendors/search-vendor-options";
import { updateVendor } from "@/server/vendors/update-vendor";
import { reasonSchema } from "@/shared/bulk-selection";
import { recordId } from "@/shared/record-id";
import { createVendorSchema, mergeVendorsSchema, updateVendorSchema, vendorIdsSchema } from "@/shared/vendor-fields";

/** How many companies a picker shows at once; typing narrows the rest. */
const PICKER_LIMIT = 20;

/** A company picker's options (Add/Edit Contact, the Company filter): active companies only, searched on the server. */
export const searchVendorOptionsAction = serverAction({
  input: z.strictObject({ companyId: recordId(), q: z.string().trim().max(200).default("") }),
  access: () => ({ permission: "view contacts" }),
  run: async ({ db, input: { companyId, q } }): Promise<ComboboxOption[]> => {
    const vendors = await searchVendorOptions(db, companyId, { q, limit: PICKER_LIMIT });
    return vendors.map((v) => ({ id: v.id, label: v.name }));
  },
});

const vendorSelectionSchema = z
  .strictObject({
    companyId: recordId(),
    vendorIds: vendorIdsSchema.optional(),
    /** "Select all N matching companies": the tab's search and kind filter, resolved on the server. */
    matching: z
      .strictObject({
        q: z.string().trim().max(200).default(""),
        kind: z.enum(VendorKind).nullable().default(null),
      })
      .optional(),
    reason: reasonSchema,
    includeContacts: z.boolean().default(false),
    idempotencyKey: z.string().min(1).max(255).optional(),
  })
  .refine((i) => (i.vendorIds === undefined) !== (i.matching === undefined), {
    error: "Send either vendorIds or matching, not both.",
  });

function vendorStatusAction(to: "ACTIVE" | "INACTIVE") {
  return serverAction({
    input: vendorSelectionSchema,
    access: ({ includeContacts }) => ({
      permission: includeContacts ? "change contact status" : "change company status",
    }),
    run: ({ db, actor, input }): Promise<BulkVendorStatusSummary> => {
      if (!can(actor, "change company status")) throw conflict(REFUSAL["change company status"]);
      return applyBulkVendorStatusChange(db, {
        companyId: input.companyId,
        to,
        selection: input.vendorIds ? { vendorIds: input.vendorIds } : { matching: input.matching! },
        includeContacts: input.includeContacts,
        actor,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
      });
    },
    revalidate: (result, { companyId }) => (result.changed > 0 ? companyPages(companyId) : null),
  });
}

export const inactivateVendorsAction = vendorStatusAction("INACTIVE");
export const reactivateVendorsAction = vendorStatusAction("ACTIVE");

/** How many active people the chosen companies have: what the Inactivate Companies dialog offers to include. */
export const countActivePeopleAction = serverAction({
  input: z.strictObject({ companyId: recordId(), vendorIds: vendorIdsSchema }),
  access: () => ({ permission: "change company status" }),
  run: async ({ db, input: { companyId, vendorIds } }): Promise<number> =>
    db.contact.count({ where: { companyId, vendorId: { in: vendorIds }, status: "ACTIVE" } }),
});

export type VendorFormState = { vendorId?: string; message?: string; errors?: Record<string, string> };

const formInput = (data: FormData) =>
  Object.fromEntries(
    [...data.entries()].filter(([key]) => key !== "companyId" && key !== "vendorId").map(([k, v]) => [k, String(v)]),
  );

/** Add Company / Edit Company: one form action, answered with a message beside each bad field. */
export async function saveVendorAction(_: VendorFormState, data: FormData): Promise<VendorFormState> {
  const companyId = String(data.get("companyId") ?? "");
  const vendorId = data.get("vendorId") ? String(data.get("vendorId")) : null;
  const schema = vendorId ? updateVendorSchema : createVendorSchema;
  const raw = formInput(data);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "name")] ??= issue.message;
    return { message: "Check the fields marked.", errors };
  }
  // Parsed again by the action, which every caller goes through: the raw fields, not the parsed ones.
  const result = await saveVendor({ companyId, vendorId, input: raw });
  if (result.error !== null) {
    return { message: result.error, errors: /name/i.test(result.error) ? { name: result.error } : undefined };
  }
  return { vendorId: result.data.id, message: vendorId ? "Company saved." : `${result.data.name} added.` };
}

const saveVendor = serverAction({
  input: z.strictObject({
    companyId: recordId(),
    vendorId: recordId().nullable(),
    input: z.record(z.string(), z.unknown()),
  }),
  access: () => ({ permission: "edit companies" }),
  run: async ({ db, actor, input: { companyId, vendorId, input } }) => {
    const by = changedBy(actor);
    if (vendorId) {
      const vendor = await getVendor(db, companyId, vendorId);
      if (!vendor) throw notFound("Company not found in this directory.");
      if (vendor.status !== "ACTIVE" && !can(actor, "view inactive companies")) {
        throw conflict(REFUSAL["view inactive companies"]);
      }
      return updateVendor(db, { companyId, vendorId, patch: updateVendorSchema.parse(input), by });
    }
    return createVendor(db, { companyId, input: createVendorSchema.parse(input), by });
  },
  revalidate: (_, { companyId }) => companyPages(companyId),
});

/** Bulk Actions → Merge: keeps one company, merges the others into it. */
export const mergeVendorsAction = serverAction({
  input: mergeVendorsSchema.safeExtend({
    companyId: recordId(),
    reason: reasonSchema,
    idempotencyKey: z.string().min(1).max(255).optional(),
  }),
  access: () => ({ permission: "change company status" }),
  run: ({ db, actor, input: { companyId, keepId, mergeIds, fields, reason, idempotencyKey } }) =>
    mergeVendorsOnce(db, { companyId, keepId, mergeIds, fields, actor, reason, idempotencyKey }),
  revalidate: (_, { companyId }) => companyPages(companyId),
});
