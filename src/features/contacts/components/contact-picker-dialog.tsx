"use client";

import { Check, Search } from "lucide-react";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { searchActiveContactsAction, type PickerContact } from "../actions";
import { useReturnFocus } from "./use-return-focus";

type Props = {
  companyId: string;
  /** The project the picked people are for. */
  projectId: string;
  title: string;
  description: string;
  confirmLabel: (n: number) => string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Resolves true when the change was made (the dialog then closes). */
  onConfirm: (contactIds: string[]) => Promise<boolean>;
};

/** Pick several active contacts by searching; inactive people are never offered. */
export function ContactPickerDialog(props: Props) {
  // Radix focuses the first field (the search box) on open, and this puts focus back on close.
  const returnFocus = useReturnFocus();
  return (
    <Dialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      {...returnFocus}
      className="flex max-h-[85dvh] w-[min(34rem,calc(100vw-2rem))] flex-col"
      title={props.title}
      description={props.description}
    >
      {props.open && <Picker {...props} />}
    </Dialog>
  );
}

function Picker({ companyId, projectId, confirmLabel, onConfirm, onOpenChange }: Props) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<PickerContact[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Map<string, PickerContact>>(new Map());
  const [searching, startSearch] = useTransition();
  const [saving, startSave] = useTransition();

  useEffect(() => {
    const timer = setTimeout(() => {
      startSearch(async () => {
        const result = await searchActiveContactsAction({ companyId, projectId, q });
        setError(result.error);
        setResults(result.data ?? []);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [companyId, projectId, q]);

  function toggle(contact: PickerContact) {
    setChosen((current) => {
      const next = new Map(current);
      if (next.has(contact.id)) next.delete(contact.id);
      else next.set(contact.id, contact);
      return next;
    });
  }

  return (
    <>
      <label className="relative mt-4 block">
        <span className="sr-only">Search active contacts</span>
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
        />
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Name, job title, company…"
          className="w-full rounded-md border border-slate-300 py-2 pr-3 pl-9 text-sm"
        />
      </label>
      <ul
        aria-label="Active contacts"
        aria-busy={searching}
        className="mt-3 min-h-40 flex-1 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
      >
        {results.map((contact) => {
          const picked = chosen.has(contact.id);
          return (
            <li key={contact.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  checked={picked}
                  onChange={() => toggle(contact)}
                  className="size-6 shrink-0 accent-brand-600"
                />
                <span>
                  <span className="font-medium">{contact.name}</span>
                  {/* A real space, so the accessible name reads "Name Detail", not "NameDetail". */}
                  {contact.detail && (
                    <>
                      {" "}
                      <span className="ml-1 text-slate-500">{contact.detail}</span>
                    </>
                  )}
                </span>
              </label>
            </li>
          );
        })}
        {!searching && results.length === 0 && (
          <li role="status" className="px-3 py-6 text-center text-sm text-slate-500">
            {error ?? "No active contacts match."}
          </li>
        )}
      </ul>
      {chosen.size > 0 && (
        <p className="mt-2 flex items-center gap-1 text-sm text-slate-600">
          <Check aria-hidden className="size-4 text-green-700" />
          {[...chosen.values()].map((c) => c.name).join(", ")}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <DialogCancel />
        <Button
          variant="primary"
          disabled={chosen.size === 0 || saving}
          onClick={() =>
            startSave(async () => {
              if (await onConfirm([...chosen.keys()])) onOpenChange(false);
            })
          }
        >
          {confirmLabel(chosen.size)}
        </Button>
      </div>
    </>
  );
}
