import type { Metadata } from "next";
import { acceptInvitationAction } from "@/features/auth/account-actions";
import { AccountForm } from "@/features/auth/account-form";
import { AccountPage } from "@/features/auth/account-page";
import { getPrisma } from "@/server/db/client";
import {
  findPendingInvitation,
  INVITATION_LINK_INVALID,
  unusableInvitationMessage,
} from "@/server/users/pending-invitation";
import { parseRecordId } from "@/shared/record-id";

export const metadata: Metadata = { title: "Accept the invitation" };

export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<{ company?: string; token?: string }>;
}) {
  const { company, token } = await searchParams;
  const companyId = typeof company === "string" ? parseRecordId(company) : null;
  const usable = typeof token === "string" && token.length > 0 && token.length <= 200;
  const invitation = companyId && usable ? await findPendingInvitation(await getPrisma(), { companyId, token }) : null;
  if (!invitation || !companyId || typeof token !== "string")
    return (
      <AccountPage title="Accept the invitation">
        <p role="alert" className="mt-4 text-sm text-red-700">
          {usable ? await unusableInvitationMessage(await getPrisma(), token) : INVITATION_LINK_INVALID}
        </p>
      </AccountPage>
    );
  return (
    <AccountPage title={`Join ${invitation.company.name}`}>
      <p className="mt-2 text-sm text-slate-600">
        Welcome, {invitation.user.name}. Choose the password you will sign in with as{" "}
        <strong className="font-medium text-slate-900">{invitation.email}</strong>.
      </p>
      <AccountForm
        action={acceptInvitationAction}
        hidden={{ companyId, token }}
        kind="password"
        submit="Accept and sign in"
        pending="Joining…"
      />
    </AccountPage>
  );
}
