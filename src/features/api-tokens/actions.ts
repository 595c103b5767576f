"use server";

import { z } from "zod";
import { recordId } from "@/shared/record-id";
import { serverAction } from "@/server/actions/server-action";
import { createApiToken, revokeApiToken } from "@/server/auth/api-tokens";
import { can } from "@/server/permissions/can";

const createSchema = z.strictObject({
  companyId: recordId(),
  name: z.string().trim().min(1, { error: "Name the token after what will use it, like “Payroll sync”." }).max(80),
});
const revokeSchema = z.strictObject({ companyId: recordId(), tokenId: recordId() });

const tokensPage = (_: unknown, { companyId }: { companyId: string }) => ({
  path: `/companies/${companyId}/settings/api-tokens`,
});

/** A token for the signed-in user in this company. Its value is returned once, never stored. */
export const createApiTokenAction = serverAction({
  input: createSchema,
  access: () => ({ permission: "view contacts" }),
  run: async ({ db, actor, input }) => {
    const { token } = await createApiToken(db, { ...input, userId: actor.userId });
    return { token };
  },
  revalidate: tokensPage,
});

/** Revokes a token at once: one's own, or anyone's for a company admin. */
export const revokeApiTokenAction = serverAction({
  input: revokeSchema,
  access: () => ({ permission: "view contacts" }),
  run: async ({ db, actor, input }) => {
    await revokeApiToken(db, { ...input, userId: can(actor, "manage users") ? undefined : actor.userId });
    return { revoked: true as const };
  },
  revalidate: tokensPage,
});
