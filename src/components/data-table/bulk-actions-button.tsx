"use client";

import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { buttonClass } from "@/components/ui/button";

/** The Bulk Actions button: aria-disabled until rows are selected, then named with the count ("Bulk Actions, 3 selected"). */
export function BulkActionsButton({ n, ...props }: ComponentProps<"button"> & { n: number }) {
  return (
    <button
      type="button"
      // aria-disabled rather than disabled: the button stays focusable, so focus can
      // return to it after the dialog closes and the selection has cleared.
      aria-disabled={n === 0}
      aria-label={n === 0 ? undefined : `Bulk Actions, ${n.toLocaleString("en-US")} selected`}
      className={buttonClass(
        "secondary",
        "inline-flex items-center gap-2 bg-white aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
      )}
      {...props}
    >
      Bulk Actions
      {n > 0 && (
        <span aria-hidden className="rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white tabular-nums">
          {n.toLocaleString("en-US")}
        </span>
      )}
      <ChevronDown aria-hidden className="size-4" />
    </button>
  );
}
