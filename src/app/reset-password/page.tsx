import type { Metadata } from "next";
import Link from "next/link";
import { resetPasswordAction } from "@/features/auth/account-actions";
import { AccountForm } from "@/features/auth/account-form";
import { AccountPage } from "@/features/auth/account-page";
import { INVITATION_NOT_A_RESET } from "@/server/auth/reset-password";
import { isInvitationToken } from "@/server/users/invitation-token";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AccountPage title="Choose a new password">
      {typeof token === "string" && isInvitationToken(token) ? (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {INVITATION_NOT_A_RESET}
        </p>
      ) : typeof token === "string" && token ? (
        <>
          <p className="mt-2 text-sm text-slate-600">Choosing it signs you out everywhere else.</p>
          <AccountForm
            action={resetPasswordAction}
            hidden={{ token }}
            kind="password"
            submit="Save the new password"
            pending="Saving…"
          />
        </>
      ) : (
        <p role="alert" className="mt-4 text-sm text-red-700">
          This link is incomplete. Open the link from the email again, or{" "}
          <Link href="/forgot-password" className="underline">
            ask for a new one
          </Link>
          .
        </p>
      )}
    </AccountPage>
  );
}
