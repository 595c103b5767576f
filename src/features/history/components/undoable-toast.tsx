"use client";

import { restoreFocusAfterToast, toast, TOASTS_HOTKEY } from "@/lib/toast";
import { undoBatchAction } from "../actions";

/** How long a toast offers Undo; the history keeps the change (and its undo) for good. */
export const UNDO_WINDOW_MS = 20_000;

type Options = { companyId: string; batchId: string | null; description?: string };

/**
 * The toast after a bulk change, with an Undo button for a while. Undo puts back exactly
 * what the change did, or says which contacts changed since and leaves everything as is.
 */
export function undoableToast(message: string, { companyId, batchId, description }: Options) {
  toast.success(message, {
    // Keyboard users reach the toast's Undo with the key it names; it waits while focused.
    description: batchId
      ? [description, `Press ${TOASTS_HOTKEY.label} to reach Undo.`].filter(Boolean).join(" ")
      : description,
    duration: batchId ? UNDO_WINDOW_MS : undefined,
    action: batchId
      ? {
          label: "Undo",
          onClick: () => {
            // One key per click target: a second click on the same toast changes nothing twice.
            void undo(companyId, batchId);
            restoreFocusAfterToast();
          },
        }
      : undefined,
  });
}

async function undo(companyId: string, batchId: string) {
  const id = `undo-${batchId}`;
  toast.loading("Undoing…", { id });
  try {
    const result = await undoBatchAction({ companyId, batchId, idempotencyKey: `undo:${batchId}` });
    if (result.error !== null) {
      toast.error(result.error, { id });
      return;
    }
    const n = result.data.undone;
    const c = result.data.companiesUndone;
    const what = [
      c ? `${c.toLocaleString("en-US")} ${c === 1 ? "company" : "companies"}` : null,
      n || !c ? `${n.toLocaleString("en-US")} ${n === 1 ? "contact" : "contacts"}` : null,
    ].filter(Boolean);
    toast.success(`Undone: ${what.join(" and ")} ${c + n === 1 ? "is" : "are"} back as they were`, { id });
  } catch {
    toast.error("Nothing was undone: Rollcall could not reach the server. Try again.", { id });
  }
}
