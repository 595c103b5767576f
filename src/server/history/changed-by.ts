import type { Actor } from "@/server/permissions/actor";

/** Who makes a change, and why: every change to a contact is recorded with them. */
export type ChangedBy = {
  /** The user, or null for the system (seeds, scripts, benchmarks). */
  actorId: string | null;
  actorName: string;
  /** Optional, up to 500 characters (see reasonSchema). */
  reason?: string | null;
};

/** Changes no person made: the demo seed, scripts and benchmarks. */
export const SYSTEM: ChangedBy = { actorId: null, actorName: "Rollcall" };

export function changedBy(actor: Pick<Actor, "userId" | "name">, reason?: string | null): ChangedBy {
  return { actorId: actor.userId, actorName: actor.name, reason: reason?.trim() || null };
}
