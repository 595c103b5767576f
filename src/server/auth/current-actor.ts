import "server-only";
import { cache } from "react";
import { getPrisma } from "@/server/db/client";
import { loadMembership, type Actor, type Membership } from "@/server/permissions/actor";
import { getSessionUser } from "./current-user";

/**
 * The signed-in user as a member of this company; null when nobody is signed in or the
 * user is not a member (the company is then as unknown to them as a missing one).
 */
export const getCurrentActor = cache(
  async (companyId: string): Promise<Actor | null> => (await getCurrentMembership(companyId))?.actor ?? null,
);

/** The signed-in user's membership of this company with the company's name, read once per request. */
export const getCurrentMembership = cache(async (companyId: string): Promise<Membership | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  return loadMembership(await getPrisma(), { userId: user.id, companyId });
});
