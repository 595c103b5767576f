"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/lib/toast";
import { undoBatchAction } from "../actions";
import { HISTORY_TABLE_ID } from "./history-table-id";

type Props = { companyId: string; batchId: string; what: string };

/**
 * Undo of one change from the Change History, for as long as its contacts have not
 * changed since: the same undo (and the same idempotency key) as the toast's.
 */
export function UndoChangeButton({ companyId, batchId, what }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const result = await undoBatchAction({ companyId, batchId, idempotencyKey: `undo:${batchId}` });
          if (result.error !== null) {
            toast.error(result.error);
            return;
          }
          const n = result.data.undone;
          toast.success(
            `Undone: ${n.toLocaleString("en-US")} ${n === 1 ? "contact is" : "contacts are"} back as they were`,
          );
          // The row's Undo goes away with the refresh: focus waits on the table, not the page body.
          document.getElementById(HISTORY_TABLE_ID)?.focus();
          router.refresh();
        })
      }
      className="mt-1 inline-flex min-h-8 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium hover:bg-slate-50 disabled:opacity-50"
    >
      {pending ? "Undoing…" : "Undo"}
      <span className="sr-only"> {what}</span>
    </button>
  );
}
