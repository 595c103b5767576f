import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { parseRecordId } from "@/shared/record-id";
import { getCurrentMembership } from "@/server/auth/current-actor";
import { getSessionUser } from "@/server/auth/current-user";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";
import { getProject } from "@/server/projects/get-project";

/**
 * The company named in the URL (its id lower-cased, as every boundary takes it) with the signed-in user as its member (`actor`); sign-in
 * when nobody is signed in, the 404 page when the id is malformed, unknown or a company
 * the user is not in — nothing tells them it exists.
 */
export const loadCompany = cache(async (companyIdInUrl: string) => {
  if (!(await getSessionUser())) redirect("/sign-in");
  const companyId = parseRecordId(companyIdInUrl) ?? notFound();
  // The membership, the company and the grants in one statement (see loadMembership).
  const membership = await getCurrentMembership(companyId);
  if (!membership?.actor) notFound();
  return { ...membership.company, actor: membership.actor };
});

/** A project of this company that the user may see, or the 404 page. */
export const loadProject = cache(async (companyIdInUrl: string, projectIdInUrl: string) => {
  const company = await loadCompany(companyIdInUrl);
  const projectId = parseRecordId(projectIdInUrl) ?? notFound();
  if (!can(company.actor, "view contacts", { projectId })) notFound();
  const project = await getProject(await getPrisma(), { companyId: company.id, projectId });
  return project ? { ...project, companyId: company.id, actor: company.actor } : notFound();
});
