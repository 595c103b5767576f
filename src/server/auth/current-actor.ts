import "server-only";
import { cache } from "react";
import { getPrisma } from "@/server/db/client";
import { loadActor, type Actor } from "@/server/permissions/actor";
import { getSessionUser } from "./current-user";

/**
 * The signed-in user as a member of this company; null when nobody is signed in or the
 * user is not a member (the company is then as unknown to them as a missing one).
 */
export const getCurrentActor = cache(async (companyId: string): Promise<Actor | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  return loadActor(await getPrisma(), { userId: user.id, companyId });
});
