"use client";

import { X } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";

export type RemovableItem = { id: string; name: string; hint?: ReactNode };

type Props = {
  /** The list's accessible name: "Chosen contacts". */
  label: string;
  items: readonly RemovableItem[];
  onRemove: (id: string) => void;
  disabled?: boolean;
  hidden?: boolean;
  /** Where focus goes once the last item is gone (the dialog's Cancel, say). */
  focusWhenEmpty?: () => void;
};

/**
 * The records a bulk dialog will change, each with an X ("Remove <name>") to leave it out.
 * After an X, focus moves to the next item's X (or to the list, when it was the last) and
 * a polite status says who left, so a keyboard or screen reader user never lands on the
 * dialog itself.
 */
export function RemovableList({ label, items, onRemove, disabled, hidden, focusWhenEmpty }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [removed, setRemoved] = useState<{ name: string; next: string | null } | null>(null);

  useEffect(() => {
    if (!removed) return;
    const next = removed.next ? buttons.current.get(removed.next) : undefined;
    if (next) next.focus();
    else if (listRef.current && !listRef.current.hidden && items.length > 0) listRef.current.focus();
    else focusWhenEmpty?.();
    // Only after a removal: not when the items change for another reason.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [removed]);

  return (
    <>
      <p role="status" className="sr-only">
        {removed ? `${removed.name} removed from the list. ${items.length} left.` : ""}
      </p>
      <ul
        ref={listRef}
        tabIndex={-1}
        aria-label={label}
        hidden={hidden}
        className="mt-4 min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200"
      >
        {items.map((item, index) => (
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
              ref={(el) => {
                if (el) buttons.current.set(item.id, el);
                else buttons.current.delete(item.id);
              }}
              onClick={() => {
                setRemoved({ name: item.name, next: items[index + 1]?.id ?? null });
                onRemove(item.id);
              }}
              className="inline-flex items-center justify-center rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
            >
              <X aria-hidden className="size-4" />
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
