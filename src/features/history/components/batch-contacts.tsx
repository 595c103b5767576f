"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import { listBatchContactsAction, type BatchContacts as Loaded } from "../actions";

type Props = { companyId: string; batchId: string; count: number };

/** A change's contacts, fetched the first time its row is expanded, a hundred at a time. */
export function BatchContacts({ companyId, batchId, count }: Props) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [pending, start] = useTransition();
  const n = count.toLocaleString("en-US");

  function load(page: number) {
    start(async () => {
      const result = await listBatchContactsAction({ companyId, batchId, page });
      if (result.error !== null) {
        toast.error(result.error);
        return;
      }
      setLoaded((before) => ({
        total: result.data.total,
        contacts: [...(before?.contacts ?? []), ...result.data.contacts],
      }));
    });
  }

  return (
    <div className="mt-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open && !loaded) load(1);
          setOpen(!open);
        }}
        className="inline-flex min-h-6 items-center text-xs font-medium text-brand-700 underline hover:text-slate-900"
      >
        {open ? `Hide the ${n} contacts` : `Show the ${n} contacts`}
      </button>
      <div id={panelId} hidden={!open} aria-busy={pending}>
        {loaded && (
          <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
            {loaded.contacts.map((c) => (
              <li key={c.eventId}>
                <Link href={`/companies/${companyId}/contacts/${c.contactId}`} className="font-medium hover:underline">
                  {c.name}
                </Link>{" "}
                <span className="text-slate-600">· {c.change}</span>
              </li>
            ))}
          </ul>
        )}
        {pending && <p className="mt-2 text-xs text-slate-600">Loading contacts…</p>}
        {loaded && loaded.contacts.length < loaded.total && !pending && (
          <button
            type="button"
            onClick={() => load(Math.floor(loaded.contacts.length / 100) + 1)}
            className="mt-2 inline-flex min-h-6 items-center text-xs font-medium text-brand-700 underline"
          >
            Show more ({(loaded.total - loaded.contacts.length).toLocaleString("en-US")} left)
          </button>
        )}
      </div>
    </div>
  );
}
