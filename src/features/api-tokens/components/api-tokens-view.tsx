"use client";

import { TableScroll } from "@/components/ui/table-scroll";
import { useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import { createApiTokenAction, revokeApiTokenAction } from "../actions";
import { Button } from "@/components/ui/button";

type Token = {
  id: string;
  name: string;
  prefix: string;
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function ApiTokensView({
  companyId,
  tokens,
  showOwner,
}: {
  companyId: string;
  tokens: Token[];
  showOwner: boolean;
}) {
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium" }) : "—");
  return (
    <div className="space-y-6">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const result = await createApiTokenAction({ companyId, name });
            setError(result.error);
            if (result.data) {
              setCreated(result.data.token);
              setName("");
            }
          });
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <div>
          <label htmlFor="token-name" className="block text-sm font-medium text-slate-700">
            Token name
          </label>
          <input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Payroll sync"
            aria-describedby={error ? "token-name-error" : undefined}
            className="mt-1 w-72 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <Button type="submit" variant="primary" disabled={pending}>
          Create Token
        </Button>
        {error && (
          <p id="token-name-error" className="w-full text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
      {created && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-900">
          <p className="font-medium">Copy this token now: it will not be shown again.</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900">{created}</code>
          <p className="mt-2">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>. It acts with your permissions in this company.
          </p>
        </div>
      )}
      <TableScroll label="API tokens table">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">API tokens</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-3">
                Name
              </th>
              {showOwner && (
                <th scope="col" className="px-4 py-3">
                  Owner
                </th>
              )}
              <th scope="col" className="px-4 py-3">
                Starts with
              </th>
              <th scope="col" className="px-4 py-3">
                Created
              </th>
              <th scope="col" className="px-4 py-3">
                Last used
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tokens.length === 0 && (
              <tr>
                <td colSpan={showOwner ? 6 : 5} className="px-4 py-8 text-center text-slate-500">
                  No API tokens yet.
                </td>
              </tr>
            )}
            {tokens.map((t) => (
              <tr key={t.id} className={t.revokedAt ? "text-slate-400" : ""}>
                <td className="px-4 py-2.5 font-medium">{t.name}</td>
                {showOwner && <td className="px-4 py-2.5">{t.owner}</td>}
                <td className="px-4 py-2.5 font-mono">{t.prefix}…</td>
                <td className="px-4 py-2.5">{day(t.createdAt)}</td>
                <td className="px-4 py-2.5">{day(t.lastUsedAt)}</td>
                <td className="px-4 py-2.5 text-right">
                  {t.revokedAt ? (
                    `Revoked ${day(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() =>
                        start(async () => {
                          const result = await revokeApiTokenAction({ companyId, tokenId: t.id });
                          if (result.error !== null) toast.error(result.error);
                          else toast.success(`Revoked ${t.name}`);
                        })
                      }
                      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50"
                    >
                      Revoke<span className="sr-only"> {t.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
