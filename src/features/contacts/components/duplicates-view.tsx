"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/lib/toast";
import type { DuplicateCard, DuplicateCardContact } from "../duplicates-queries";
import type { MergeCandidate } from "../merge-candidate";
import {
  DUPLICATE_REASON_LABELS,
  DUPLICATE_REASONS,
  describeReasons,
  type DuplicateReason,
} from "@/shared/duplicate-reasons";
import { dismissDuplicatesAction, loadMergeCandidatesAction } from "../merge-actions";
import { MergeDialog } from "./lazy-dialogs";

type Props = {
  companyId: string;
  groups: DuplicateCard[];
  total: number;
  reason: DuplicateReason | null;
  page: number;
  perPage: number;
};

const FIELDS = [
  ["Email", (c: DuplicateCardContact) => c.email],
  ["Phone", (c: DuplicateCardContact) => c.phone],
  ["Employee ID", (c: DuplicateCardContact) => c.employeeId],
  ["Job title", (c: DuplicateCardContact) => c.jobTitle],
  ["Company", (c: DuplicateCardContact) => c.company],
] as const;

function projectsOf({ projects }: DuplicateCardContact) {
  if (projects.count === 0) return "—";
  const more = projects.count - projects.named.length;
  return `${projects.named.join(", ")}${more > 0 ? ` +${more} more` : ""}`;
}

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

function GroupCard({ companyId, group }: { companyId: string; group: DuplicateCard }) {
  const router = useRouter();
  // The contacts as Merge Contacts shows them, loaded when Merge… is pressed.
  const [merging, setMerging] = useState<MergeCandidate[] | null>(null);
  const [pending, startTransition] = useTransition();
  const mergeRef = useRef<HTMLButtonElement>(null);
  const names = [...group.contacts.map((c) => `${c.firstName} ${c.lastName}`), ...group.others.map((o) => o.name)];
  const title = `${describeReasons(group.reasons)}: ${names.join(", ")}`;
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

  function openMerge() {
    startTransition(async () => {
      const result = await loadMergeCandidatesAction({
        companyId,
        contactIds: [...group.contacts, ...group.others].map((c) => c.id),
      });
      if (result.error !== null) toast.error(result.error);
      else setMerging(result.data);
    });
  }

  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="font-medium">
        {title}
      </h3>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {group.contacts.map((c) => {
          const name = `${c.firstName} ${c.lastName}`;
          return (
            // An article, not a section: two people of one name would make two landmarks of one name.
            // Styled by .dup-card (globals.css): a page holds forty of these.
            <article key={c.id} aria-label={name} className="dup-card">
              <p>
                <Link href={`/companies/${companyId}/contacts/${c.id}`}>{name}</Link>
                <span data-active={c.status === "ACTIVE" || undefined}>
                  {c.status === "ACTIVE" ? "Active" : "Inactive"}
                </span>
              </p>
              <dl>
                {FIELDS.map(([label, get]) => (
                  <Fragment key={label}>
                    <dt>{label}</dt>
                    <dd>{get(c) || "—"}</dd>
                  </Fragment>
                ))}
                <dt>Projects</dt>
                <dd>{projectsOf(c)}</dd>
              </dl>
            </article>
          );
        })}
      </div>
      {group.others.length > 0 && (
        <p className="mt-3 text-sm text-slate-700">
          {`Also in this group (Merge… shows them side by side): ${group.others.map((o) => o.name).join(", ")}`}
        </p>
      )}
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <Button onClick={dismiss} disabled={pending} aria-busy={pending}>
          Not duplicates
        </Button>
        <Button ref={mergeRef} variant="primary" onClick={openMerge} disabled={pending} aria-busy={pending}>
          Merge…
        </Button>
      </div>
      {merging && (
        <MergeDialog
          companyId={companyId}
          contacts={merging}
          open
          onOpenChange={(open) => !open && setMerging(null)}
          onDone={() => {
            setMerging(null);
            router.refresh();
          }}
          returnFocus={() => mergeRef.current?.focus()}
        />
      )}
    </li>
  );
}
