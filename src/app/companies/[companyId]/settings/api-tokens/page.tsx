import type { Metadata } from "next";
import { ApiTokensView } from "@/features/api-tokens/components/api-tokens-view";
import { loadCompany } from "@/features/companies/queries";
import { listApiTokens } from "@/server/auth/api-tokens";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ companyId: string }> }) {
  const company = await loadCompany((await params).companyId);
  // Admins see and revoke everyone's tokens; others their own.
  const admin = can(company.actor, "manage users");
  const tokens = await listApiTokens(await getPrisma(), {
    companyId: company.id,
    userId: admin ? undefined : company.actor.userId,
  });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">API tokens</h1>
      <p className="mb-4 text-sm text-slate-600">
        Personal tokens let integrations (payroll, timekeeping, HR) use the JSON API with your permissions in{" "}
        {company.name}.
      </p>
      <ApiTokensView
        companyId={company.id}
        showOwner={admin}
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          owner: t.user.name,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          revokedAt: t.revokedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
