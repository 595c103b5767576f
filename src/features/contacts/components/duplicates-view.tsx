"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/lib/toast";
import type { DuplicateGroup } from "@/server/contacts/find-duplicate-groups";
import {
  DUPLICATE_REASON_LABELS,
  DUPLICATE_REASONS,
  describeReasons,
  type DuplicateReason,
} from "@/shared/duplicate-reasons";
import { dismissDuplicatesAction } from "../merge-actions";
import { MergeDialog } from "./lazy-dialogs";

type Props = {
  companyId: string;
  groups: DuplicateGroup[];
  total: number;
  reason: DuplicateReason | null;
  page: number;
  perPage: number;
};

const FIELDS = [
  ["Email", (c: DuplicateGroup["contacts"][number]) => c.email],
  ["Phone", (c: DuplicateGroup["contacts"][number]) => c.phone],
  ["Employee ID", (c: DuplicateGroup["contacts"][number]) => c.employeeId],
  ["Job title", (c: DuplicateGroup["contacts"][number]) => c.jobTitle],
  ["Company", (c: DuplicateGroup["contacts"][number]) => c.vendor?.name ?? null],
] as const;

/** The Duplicates page: groups of probable duplicates, their contacts side by side, Merge and Not duplicates. */
export function DuplicatesView({ companyId, groups, total, reason, page, perPage }: Props) {
  const base = `/companies/${companyId}/directory/duplicates`;
  const href = (r: DuplicateReason | null, p = 1) => {
    const params = new URLSearchParams();
    if (r) params.set("reason", r);
    if (p > 1) params.set("page", String(p));
    const q = params.toString();
    return q ? `${base}?${q}` : base;
  };
  const lastPage = Math.max(1, Math.ceil(total / perPage));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-xl font-semibold">Duplicates</h2>
        <Link href={`/companies/${companyId}/directory/contacts`} className="text-sm text-blue-700 underline">
          Back to Contacts
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Contacts that are probably one person, strongest match first. Merge keeps everything and can be undone.
      </p>
      <nav aria-label="Filter by reason" className="flex flex-wrap gap-2">
        {[null, ...DUPLICATE_REASONS].map((r) => (
          <Link
            key={r ?? "all"}
            href={href(r)}
            aria-current={r === reason ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${r === reason ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-800"}`}
          >
            {r ? DUPLICATE_REASON_LABELS[r] : "All reasons"}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-700" aria-live="polite">
        {total === 0
          ? "No probable duplicates."
          : `${total.toLocaleString("en-US")} ${total === 1 ? "group" : "groups"} of probable duplicates`}
      </p>
      <ol className="space-y-4">
        {groups.map((group) => (
          <GroupCard key={group.id} companyId={companyId} group={group} />
        ))}
      </ol>
      {lastPage > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {page > 1 && <Link href={href(reason, page - 1)}>Previous page</Link>}
          <span>
            Page {page} of {lastPage}
          </span>
          {page < lastPage && <Link href={href(reason, page + 1)}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}

function GroupCard({ companyId, group }: { companyId: string; group: DuplicateGroup }) {
  const router = useRouter();
  const [merging, setMerging] = useState(false);
  const [pending, startTransition] = useTransition();
  const mergeRef = useRef<HTMLButtonElement>(null);
  const title = `${describeReasons(group.reasons)}: ${group.contacts.map((c) => `${c.firstName} ${c.lastName}`).join(", ")}`;
  const headingId = `group-${group.id}`;

  function dismiss() {
    startTransition(async () => {
      const result = await dismissDuplicatesAction({ companyId, groupId: group.id });
      if (result.error !== null) {
        toast.error(result.error);
        return;
      }
      toast.success("Marked as not duplicates");
      router.refresh();
    });
  }

  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="font-medium">
        {title}
      </h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {group.contacts.map((c) => (
          // An article, not a section: two people of one name would make two landmarks of one name.
          <article
            key={c.id}
            aria-label={`${c.firstName} ${c.lastName}`}
            className="rounded-md border border-slate-200 p-3 text-sm"
          >
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/companies/${companyId}/contacts/${c.id}`} className="font-medium text-blue-700 underline">
                {c.firstName} {c.lastName}
              </Link>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${c.status === "ACTIVE" ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-800"}`}
              >
                {c.status === "ACTIVE" ? "Active" : "Inactive"}
              </span>
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {FIELDS.map(([label, get]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="break-all">{get(c) || "—"}</dd>
                </div>
              ))}
              <dt className="text-slate-600">Projects</dt>
              <dd>{c.memberships.length ? c.memberships.map((m) => m.project.name).join(", ") : "—"}</dd>
            </dl>
          </article>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <Button onClick={dismiss} disabled={pending} aria-busy={pending}>
          Not duplicates
        </Button>
        <Button ref={mergeRef} variant="primary" onClick={() => setMerging(true)} disabled={pending}>
          Merge…
        </Button>
      </div>
      {merging && (
        <MergeDialog
          companyId={companyId}
          contacts={group.contacts}
          open
          onOpenChange={(open) => !open && setMerging(false)}
          onDone={() => {
            setMerging(false);
            router.refresh();
          }}
          returnFocus={() => mergeRef.current?.focus()}
        />
      )}
    </li>
  );
}
