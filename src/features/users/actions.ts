"use server";

import { revalidatePath } from "next/cache";
import { NOT_A_FORM, isFormData } from "@/lib/action-result";
import { companyPages, serverAction } from "@/server/actions/server-action";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { byActor } from "@/server/users/by-actor";
import { changeUserStatus } from "@/server/users/change-user-status";
import { inviteContact } from "@/server/users/invite-contact";
import { inviteUser } from "@/server/users/invite-user";
import { resendInvitation } from "@/server/users/resend-invitation";
import { revokeInvitation } from "@/server/users/revoke-invitation";
import { setDirectoryPermission } from "@/server/users/set-directory-permission";
import {
  bulkUsersSchema,
  invitationActionSchema,
  inviteContactSchema,
  inviteUserSchema,
  setPermissionSchema,
  userActionSchema,
} from "./validations";

export type AddUserState = { errors?: Partial<Record<string, string>>; message?: string; added?: string };

/**
 * Add User: invites the person by email. The answer reads the same whether they are new to
 * Rollcall or already sign in elsewhere (then they are added and told by email).
 */
export async function addUserAction(_: AddUserState, formData: FormData): Promise<AddUserState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const parsed = inviteUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { errors, message: "Check the highlighted fields." };
  }
  const { actor, error } = await authorize(parsed.data.companyId, "manage users");
  if (error !== null) return { message: error };
  const { companyId, name, email, level } = parsed.data;
  try {
    await inviteUser(await getPrisma(), { companyId, name, email, level, by: byActor(actor) });
    revalidatePath(`/companies/${companyId}/directory/users`);
    return { added: `We emailed ${name} at ${email}.` };
  } catch (e) {
    if (e instanceof DomainError) {
      revalidatePath(`/companies/${companyId}/directory/users`);
      return e.code === "conflict" && (e.details as { field?: string } | undefined)?.field === "email"
        ? { errors: { email: e.message }, message: e.message }
        : { message: e.message };
    }
    throw e;
  }
}

export const setPermissionAction = serverAction({
  input: setPermissionSchema,
  access: () => ({ permission: "manage users" }),
  run: async ({ db, actor, input }) => {
    await setDirectoryPermission(db, { ...input, by: byActor(actor) });
    return { saved: true as const };
  },
  revalidate: (_, { companyId }) => companyPages(companyId),
});

export const inactivateUsersAction = serverAction({
  input: bulkUsersSchema,
  access: () => ({ permission: "manage users" }),
  run: ({ db, actor, input }) =>
    changeUserStatus(db, {
      companyId: input.companyId,
      userIds: input.userIds,
      to: "INACTIVE",
      by: byActor(actor, input.reason),
    }),
  revalidate: (_, { companyId }) => companyPages(companyId),
});

export const reactivateUsersAction = serverAction({
  input: bulkUsersSchema,
  access: () => ({ permission: "manage users" }),
  run: ({ db, actor, input }) =>
    changeUserStatus(db, {
      companyId: input.companyId,
      userIds: input.userIds,
      to: "ACTIVE",
      by: byActor(actor, input.reason),
    }),
  revalidate: (_, { companyId }) => companyPages(companyId),
});

export const resendInvitationAction = serverAction({
  input: userActionSchema,
  access: () => ({ permission: "manage users" }),
  run: async ({ db, actor, input }) => {
    await resendInvitation(db, { companyId: input.companyId, userId: input.userId, by: byActor(actor) });
    return { sent: true as const };
  },
  revalidate: (_, { companyId }) => companyPages(companyId),
});

export const revokeInvitationAction = serverAction({
  input: invitationActionSchema,
  access: () => ({ permission: "manage users" }),
  run: ({ db, actor, input }) =>
    revokeInvitation(db, { companyId: input.companyId, invitationId: input.invitationId, by: byActor(actor) }),
  revalidate: (_, { companyId }) => companyPages(companyId),
});

/**
 * Invite to Rollcall, on a contact's page. An email that is already a user of the company is
 * answered with that user (to open on Users) rather than an error alone.
 */
export const inviteContactAction = serverAction({
  input: inviteContactSchema,
  access: () => ({ permission: "manage users" }),
  run: async ({ db, actor, input }) => {
    try {
      const { status, email, name } = await inviteContact(db, { ...input, by: byActor(actor) });
      return { status, email, name, existingUserId: null, message: null };
    } catch (e) {
      const userId = e instanceof DomainError ? (e.details as { userId?: string } | undefined)?.userId : undefined;
      if (e instanceof DomainError && e.code === "conflict" && userId)
        return { status: null, email: null, name: null, existingUserId: userId, message: e.message };
      throw e;
    }
  },
  revalidate: (_, { companyId }) => companyPages(companyId),
});
