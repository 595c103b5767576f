import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getCompany } from "@/server/companies/get-company";
import { getPrisma } from "@/server/db/client";
import { getProject } from "@/server/projects/get-project";

const uuid = z.uuid();

/** The company named in the URL, or the 404 page: a malformed id is as unknown as a missing one. */
export const loadCompany = cache(async (companyId: string) => {
  if (!uuid.safeParse(companyId).success) notFound();
  const company = await getCompany(await getPrisma(), companyId);
  return company ?? notFound();
});

/** A project of this company named in the URL, or the 404 page. */
export const loadProject = cache(async (companyId: string, projectId: string) => {
  const company = await loadCompany(companyId);
  if (!uuid.safeParse(projectId).success) notFound();
  const project = await getProject(await getPrisma(), { companyId: company.id, projectId });
  return project ?? notFound();
});
