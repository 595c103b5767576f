"use client";

import { X } from "lucide-react";
import type { ReactNode } from "react";

export type RemovableItem = { id: string; name: string; hint?: ReactNode };

type Props = {
  /** The list's accessible name: "Chosen contacts". */
  label: string;
  items: readonly RemovableItem[];
  onRemove: (id: string) => void;
  disabled?: boolean;
  hidden?: boolean;
};

/** The records a bulk dialog will change, each with an X ("Remove <name>") to leave it out. */
export function RemovableList({ label, items, onRemove, disabled, hidden }: Props) {
  return (
    <ul
      aria-label={label}
      hidden={hidden}
      className="mt-4 min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
    >
      {items.map((item) => (
        <li key={item.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
          <span>
            <span className="font-medium">{item.name}</span>
            {item.hint && (
              <>
                {" "}
                <span className="ml-1 text-slate-500">{item.hint}</span>
              </>
            )}
          </span>
          <button
            type="button"
            aria-label={`Remove ${item.name}`}
            disabled={disabled}
            onClick={() => onRemove(item.id)}
            className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            <X aria-hidden className="size-4" />
          </button>
        </li>
      ))}
    </ul>
  );
}
