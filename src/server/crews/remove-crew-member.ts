import "server-only";
import type { Db } from "@/server/db/transaction";
import { notFound } from "@/server/errors";

export type RemoveCrewMemberOptions = { companyId: string; crewId: string; contactId: string };

/** Takes a worker off a crew; they stay on the project's directory. */
export async function removeCrewMember(db: Db, { companyId, crewId, contactId }: RemoveCrewMemberOptions) {
  const { count } = await db.crewMember.deleteMany({ where: { companyId, crewId, contactId } });
  if (count === 0) throw notFound("That worker is not on this crew.");
}
