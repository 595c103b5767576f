import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountPage } from "@/features/auth/account-page";
import { SignInForm } from "@/features/auth/sign-in-form";
import { safeNextPath } from "@/features/auth/validations";
import { getSessionUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getSessionUser()) redirect(next);
  return (
    <AccountPage title="Sign in">
      {params.reset === "1" && (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-sm text-green-900">
          Your password is changed, and every other session signed out. Sign in with the new one.
        </p>
      )}
      <SignInForm next={next} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          Forgot password?
        </Link>
      </p>
    </AccountPage>
  );
}
