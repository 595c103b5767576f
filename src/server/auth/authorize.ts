import "server-only";
import type { Actor } from "@/server/permissions/actor";
import { can, REFUSAL, type Permission, type Scope } from "@/server/permissions/can";
import { getCurrentActor } from "./current-actor";
import { getSessionUser } from "./current-user";

export type Authorization = { actor: Actor; error: null } | { actor: null; error: string };

/**
 * For server actions: the signed-in member of this company, if they hold the permission;
 * otherwise the message to return. The UI hides what a user cannot do, but an action is a
 * public endpoint, so every one asks here first.
 */
export async function authorize(
  companyId: string,
  permission: Permission | null,
  scope: Scope = {},
): Promise<Authorization> {
  if (!(await getSessionUser())) return { actor: null, error: "Your session has ended. Sign in again, then retry." };
  const actor = await getCurrentActor(companyId);
  if (!actor) return { actor: null, error: "Company not found." };
  // null: any member, whatever their level (the caller decides once it knows what is asked).
  if (permission !== null && !can(actor, permission, scope)) return { actor: null, error: REFUSAL[permission] };
  return { actor, error: null };
}
