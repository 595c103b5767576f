"use server";

import { z } from "zod";
import { serverAction } from "@/server/actions/server-action";
import { searchProjects } from "@/server/projects/search-projects";
import { recordId } from "@/shared/record-id";
import type { ComboboxOption } from "@/components/ui/combobox";

/** How many projects a picker shows at once; typing narrows the rest. */
const PICKER_LIMIT = 20;

/** A project picker's options (the company directory's Project filter): the projects the user may see. */
export const searchProjectOptionsAction = serverAction({
  input: z.strictObject({ companyId: recordId(), q: z.string().trim().max(200).default("") }),
  access: () => ({ permission: "view contacts" }),
  run: async ({ db, actor, input: { q } }): Promise<ComboboxOption[]> => {
    const projects = await searchProjects(db, { actor, q, limit: PICKER_LIMIT });
    return projects.map((p) => ({ id: p.id, label: p.name, hint: p.number ?? undefined }));
  },
});
