"use server";

import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NOT_A_FORM, isFormData } from "@/lib/action-result";
import { getAuth } from "@/server/auth/get-auth";
import { INVITATION_NOT_A_RESET, requestPasswordReset, resetForgottenPassword } from "@/server/auth/reset-password";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { acceptInvitation } from "@/server/users/accept-invitation";
import { recordId } from "@/shared/record-id";
import { newPasswordSchema, userEmailSchema } from "@/shared/users";

export type AccountFormState = { message?: string; done?: string; errors?: Partial<Record<string, string>> };

/** The same words whether or not the address has a login: the page tells nobody which addresses do. */
const RESET_SENT =
  "If that address has a Rollcall login, we sent it a link to choose a new password. It works once, for 30 minutes.";
const TOO_MANY = "Too many attempts. Wait a minute, then try again.";
const RESET_LINK_INVALID =
  "This reset link can't be used: it was already used, or it expired. Ask for a new one with Forgot password.";

const forgotSchema = z.strictObject({ email: userEmailSchema });

export async function forgotPasswordAction(_: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const parsed = forgotSchema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return { errors: { email: parsed.error.issues[0]!.message } };
  const result = await requestPasswordReset(await getAuth(), await headers(), parsed.data.email);
  return result === "rate limited" ? { message: TOO_MANY } : { done: RESET_SENT };
}

const choosePasswordSchema = z
  .strictObject({ token: z.string().min(1).max(200), password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, {
    error: "The two passwords differ. Type the same one twice.",
    path: ["confirm"],
  });

function fieldErrors(error: z.ZodError) {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

export async function resetPasswordAction(_: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const parsed = choosePasswordSchema.safeParse({
    token: formData.get("token") ?? "",
    password: formData.get("password") ?? "",
    confirm: formData.get("confirm") ?? "",
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await resetForgottenPassword(await getAuth(), await headers(), parsed.data);
  if (result === "rate limited") return { message: TOO_MANY };
  if (result === "invitation token") return { message: INVITATION_NOT_A_RESET };
  if (result === "invalid token") return { message: RESET_LINK_INVALID };
  redirect("/sign-in?reset=1");
}

const acceptSchema = z
  .strictObject({
    companyId: recordId(),
    token: z.string().min(1).max(200),
    password: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    error: "The two passwords differ. Type the same one twice.",
    path: ["confirm"],
  });

/** Accepts an invitation with the password the person chose, and signs them in. */
export async function acceptInvitationAction(_: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const parsed = acceptSchema.safeParse({
    companyId: formData.get("companyId") ?? "",
    token: formData.get("token") ?? "",
    password: formData.get("password") ?? "",
    confirm: formData.get("confirm") ?? "",
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const { companyId, token, password } = parsed.data;
  const auth = await getAuth();
  const incoming = await headers();
  let email: string;
  try {
    ({ email } = await acceptInvitation(await getPrisma(), auth, { companyId, token, password, headers: incoming }));
  } catch (error) {
    if (error instanceof DomainError) return { message: error.message };
    throw error;
  }
  const signedIn = await signInWithPassword(auth, incoming, { email, password });
  if (!signedIn.ok) redirect("/sign-in");
  const jar = await cookies();
  for (const [name, cookie] of parseSetCookieHeader(signedIn.setCookie))
    jar.set(name, cookie.value, toCookieOptions(cookie));
  redirect(`/companies/${companyId}/directory/contacts`);
}
