"use server";

import { revalidatePath } from "next/cache";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { addCompanyUser } from "@/server/users/add-company-user";
import { setDirectoryPermission } from "@/server/users/set-directory-permission";
import { addUserSchema, setPermissionSchema } from "./validations";

export type AddUserState = { errors?: Partial<Record<string, string>>; message?: string; added?: string };

export async function addUserAction(_: AddUserState, formData: FormData): Promise<AddUserState> {
  const parsed = addUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { errors, message: "Check the highlighted fields." };
  }
  const { error } = await authorize(parsed.data.companyId, "manage users");
  if (error !== null) return { message: error };
  try {
    await addCompanyUser(await getPrisma(), parsed.data);
    revalidatePath(`/companies/${parsed.data.companyId}/directory/users`);
    // The same words whether the login is new or joined: nothing tells an admin that an email has a login elsewhere.
    return { added: `${parsed.data.name} was added to this company.` };
  } catch (e) {
    if (e instanceof DomainError) return { errors: { email: e.message }, message: e.message };
    throw e;
  }
}

export async function setPermissionAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  const parsed = setPermissionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { actor, error } = await authorize(parsed.data.companyId, "manage users");
  if (error !== null) return { data: null, error };
  try {
    await setDirectoryPermission(await getPrisma(), { ...parsed.data, actorUserId: actor.userId });
    revalidatePath(`/companies/${parsed.data.companyId}`, "layout");
    return { data: { saved: true }, error: null };
  } catch (e) {
    if (e instanceof DomainError) return { data: null, error: e.message };
    throw e;
  }
}
