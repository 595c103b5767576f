"use server";

import { z } from "zod";
import type { ComboboxOption } from "@/components/ui/combobox";
import { serverAction } from "@/server/actions/server-action";
import { DomainError } from "@/server/errors";
import { createProject } from "@/server/projects/create-project";
import { searchProjects } from "@/server/projects/search-projects";
import { createProjectSchema } from "@/shared/project-fields";
import { recordId } from "@/shared/record-id";

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

export type NewProjectResult =
  | { project: { id: string; name: string } }
  /** The number is taken: said on the Number field. */
  | { numberTaken: string };

/** New Project: company Directory admins, as the API's POST /projects (the same rule, the same module). */
export const createProjectAction = serverAction({
  input: createProjectSchema.extend({ companyId: recordId() }),
  access: () => ({ permission: "create projects" }),
  run: async ({ db, input: { companyId, name, number } }): Promise<NewProjectResult> => {
    try {
      const project = await createProject(db, { companyId, name, number });
      return { project: { id: project.id, name: project.name } };
    } catch (error) {
      if (error instanceof DomainError && error.code === "conflict") return { numberTaken: error.message };
      throw error;
    }
  },
  revalidate: (result, { companyId }) =>
    "project" in result ? { path: `/companies/${companyId}/projects`, type: "page" } : null,
});
