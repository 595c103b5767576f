import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { conflict, notFound } from "@/server/errors";

export type CreateCrewOptions = { companyId: string; projectId: string; name: string };

export async function createCrew(db: Db, { companyId, projectId, name }: CreateCrewOptions) {
  const project = await db.project.findUnique({
    where: { companyId_id: { companyId, id: projectId } },
    select: { id: true },
  });
  if (!project) throw notFound("Project not found.");
  try {
    return await db.crew.create({ data: { companyId, projectId, name }, select: { id: true, name: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`This project already has a crew named "${name}".`, { field: "name" });
    }
    throw error;
  }
}
