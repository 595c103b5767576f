"use server";

import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { NOT_A_FORM, isFormData } from "@/lib/action-result";
import { getAuth } from "@/server/auth/get-auth";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { safeNextPath, signInSchema } from "./validations";

export type SignInState = { message?: string; email?: string };

export async function signInAction(_: SignInState, formData: FormData): Promise<SignInState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM };
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { message: parsed.error.issues[0]!.message, email };
  const result = await signInWithPassword(await getAuth(), await headers(), parsed.data);
  if (!result.ok) {
    // One message for a wrong email or a wrong password: no hint which accounts exist.
    const message =
      result.reason === "rate limited"
        ? "Too many sign-in attempts. Wait a minute, then try again."
        : "That email and password don't match. Check both and try again.";
    return { message, email };
  }
  const jar = await cookies();
  for (const [name, cookie] of parseSetCookieHeader(result.setCookie))
    jar.set(name, cookie.value, toCookieOptions(cookie));
  redirect(safeNextPath(formData.get("next")));
}

export async function signOutAction() {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
