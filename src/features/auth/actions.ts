"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/server/auth/get-auth";
import { safeNextPath, signInSchema } from "./validations";

export type SignInState = { message?: string; email?: string };

export async function signInAction(_: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return { message: parsed.error.issues[0]!.message, email };
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) {
      // One message for a wrong email or a wrong password: no hint which accounts exist.
      const message =
        error.statusCode === 429
          ? "Too many sign-in attempts. Wait a minute, then try again."
          : "That email and password don't match. Check both and try again.";
      return { message, email };
    }
    throw error;
  }
  redirect(safeNextPath(formData.get("next")));
}

export async function signOutAction() {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
