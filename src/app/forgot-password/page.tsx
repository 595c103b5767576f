import type { Metadata } from "next";
import Link from "next/link";
import { forgotPasswordAction } from "@/features/auth/account-actions";
import { AccountForm } from "@/features/auth/account-form";
import { AccountPage } from "@/features/auth/account-page";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AccountPage title="Forgot password">
      <p className="mt-2 text-sm text-slate-600">
        Enter the email you sign in with. We&apos;ll send you a link to choose a new password.
      </p>
      <AccountForm action={forgotPasswordAction} kind="email" submit="Send the link" pending="Sending…" />
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </AccountPage>
  );
}
