"use server";

import { z } from "zod";
import type { ComboboxOption } from "@/components/ui/combobox";
import { serverAction } from "@/server/actions/server-action";
import { searchVendorOptions } from "@/server/vendors/search-vendor-options";
import { recordId } from "@/shared/record-id";

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
