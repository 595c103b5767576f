import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

export type CreateImportDraftOptions = {
  companyId: string;
  userId: string;
  projectId?: string;
  fileName: string;
  content: Uint8Array;
  settings: object;
};

/**
 * Keeps an upload for the wizard's later steps, so a reload loses nothing. Drafts are a
 * day's work: the user's older ones are dropped in the same transaction.
 */
export function createImportDraft(
  prisma: PrismaClient,
  { companyId, userId, projectId, fileName, content, settings }: CreateImportDraftOptions,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await tx.importDraft.deleteMany({
      where: { companyId, userId, createdAt: { lt: new Date(Date.now() - 24 * 3600 * 1000) } },
    });
    const draft = await tx.importDraft.create({
      data: { companyId, userId, projectId: projectId ?? null, fileName, content: new Uint8Array(content), settings },
      select: { id: true },
    });
    return draft.id;
  });
}
