import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/transaction";
import { conflict } from "@/server/errors";

export type CreateProjectOptions = { companyId: string; name: string; number?: string | null };

export async function createProject(db: Db, { companyId, name, number }: CreateProjectOptions) {
  try {
    return await db.project.create({
      data: { companyId, name, number: number ?? null },
      select: { id: true, name: true, number: true, status: true, createdAt: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`A project numbered ${number} already exists.`, { field: "number" });
    }
    throw error;
  }
}
