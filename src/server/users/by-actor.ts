import type { Actor } from "@/server/permissions/actor";
import { changedBy, type ChangedBy } from "@/server/history/changed-by";

/** A person's change to users, as the history names them (users' changes always have a person behind them). */
export function byActor(
  actor: Pick<Actor, "userId" | "name">,
  reason?: string | null,
): ChangedBy & { actorId: string } {
  return { ...changedBy(actor, reason), actorId: actor.userId };
}
