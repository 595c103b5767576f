"use client";

import { Check, ChevronDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FieldError } from "./field";

export type ComboboxOption = { id: string; label: string; hint?: string; disabled?: boolean };

type Props = {
  label: string;
  /** The chosen option's id, or null. */
  value: string | null;
  /** The chosen option's label, shown without loading any options. */
  selectedLabel?: string | null;
  onChange: (id: string | null, label: string | null) => void;
  /** Asks the server for the options matching what was typed ("" when nothing was). */
  search: (q: string) => Promise<ComboboxOption[]>;
  placeholder?: string;
  /** The form field that carries the chosen id. */
  name?: string;
  /** An option offered first that chooses nothing: "All projects". */
  noneLabel?: string;
  /** Label beside the input (filters) or above it (forms). */
  layout?: "inline" | "stacked";
  required?: boolean;
  disabled?: boolean;
  error?: string;
  /** The input's width classes. */
  className?: string;
  /** How long typing pauses before the server is asked. */
  debounceMs?: number;
};

/** The server's answer to one search: for one opening of the list and what was typed. */
type Answer = { key: string } & ({ options: ComboboxOption[] } | { failed: string });

type Results =
  | { status: "loading"; options: ComboboxOption[] }
  | { status: "done"; options: ComboboxOption[] }
  | { status: "failed"; message: string };

const NONE = "";

/** A server action's answer as a search's: its options, or its message thrown (shown in the list). */
export async function optionsOf(result: Promise<ActionResult<ComboboxOption[]>>): Promise<ComboboxOption[]> {
  const { data, error } = await result;
  if (error !== null) throw new Error(error);
  return data;
}

/**
 * A searchable picker for lists too long to send with the page: an input with
 * role="combobox" and a listbox of the options the server returns for what was typed
 * (the WAI-ARIA combobox pattern with aria-activedescendant; focus stays in the input).
 * ArrowDown/ArrowUp open the list and move through it, Enter chooses, Escape and Tab
 * close it and restore the chosen option's label.
 */
export function Combobox({
  label,
  value,
  selectedLabel,
  onChange,
  search,
  placeholder,
  name,
  noneLabel,
  layout = "stacked",
  required,
  disabled,
  error,
  className = "w-56",
  debounceMs = 200,
}: Props) {
  const id = useId();
  const listId = `${id}-listbox`;
  const anchorRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // Each opening asks again, so a list never shows what was true when it last closed.
  const [opening, setOpening] = useState(0);
  // What the user typed since the list opened; null while the input shows the chosen label.
  const [typed, setTyped] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [active, setActive] = useState(-1);
  const [container, setContainer] = useState<HTMLElement | undefined>();

  const q = typed?.trim() ?? "";
  const key = `${opening}:${q}`;
  const ask = useEffectEvent((q: string, key: string) =>
    search(q).then(
      (options) => {
        setAnswer({ key, options });
        setActive(firstEnabled(choices(noneLabel, q, options)));
      },
      (reason: unknown) => {
        setAnswer({ key, failed: failureMessage(reason) });
        setActive(-1);
      },
    ),
  );
  useEffect(() => {
    if (!open) return;
    // Only the latest search answers: a slow reply to an earlier one lands under an old key.
    const timer = setTimeout(() => void ask(q, key), q ? debounceMs : 0);
    return () => clearTimeout(timer);
  }, [open, q, key, debounceMs]);

  const results: Results = !answer
    ? { status: "loading", options: [] }
    : "failed" in answer
      ? answer.key === key
        ? { status: "failed", message: answer.failed }
        : { status: "loading", options: [] }
      : { status: answer.key === key ? "done" : "loading", options: answer.options };

  const items = results.status === "failed" ? [] : choices(noneLabel, q, results.options);
  const activeItem = open ? items[active] : undefined;

  function openList() {
    if (open) return;
    setContainer(landmarkOf(anchorRef.current));
    setOpening((n) => n + 1);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    setTyped(null);
    setActive(-1);
  }

  function choose(option: ComboboxOption) {
    if (option.disabled) return;
    if (option.id === NONE) onChange(null, null);
    else onChange(option.id, option.label);
    close();
  }

  function move(step: 1 | -1) {
    if (items.length === 0) return;
    let next = active;
    for (let i = 0; i < items.length; i++) {
      next = (next + step + items.length) % items.length;
      if (!items[next]!.disabled) break;
    }
    setActive(next);
    document.getElementById(optionId(id, next))?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList();
        else move(event.key === "ArrowDown" ? 1 : -1);
        break;
      case "Enter":
        if (!open) break;
        // Enter chooses; it never submits the form around an open list.
        event.preventDefault();
        if (activeItem) choose(activeItem);
        break;
      case "Escape":
        if (!open) break;
        // Closes the list, not the dialog around it.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case "Tab":
        if (open) close();
        break;
    }
  }

  const shown = typed ?? (value ? (selectedLabel ?? "") : "");
  const labelClass = layout === "inline" ? "shrink-0" : "block text-sm font-medium text-slate-700";

  return (
    <div className={layout === "inline" ? "flex items-center gap-2" : undefined}>
      <label htmlFor={id} className={labelClass}>
        {label}
        {required && (
          <span aria-hidden className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      <Popover.Root open={open}>
        <Popover.Anchor asChild>
          <div ref={anchorRef} className={`relative ${layout === "stacked" ? "mt-1" : ""} ${className}`}>
            <input
              id={id}
              type="text"
              role="combobox"
              aria-expanded={open}
              aria-controls={open ? listId : undefined}
              aria-autocomplete="list"
              aria-activedescendant={activeItem ? optionId(id, active) : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              aria-required={required || undefined}
              autoComplete="off"
              spellCheck={false}
              disabled={disabled}
              placeholder={noneLabel && !value ? noneLabel : placeholder}
              value={shown}
              onChange={(e) => {
                setTyped(e.target.value);
                openList();
              }}
              onClick={openList}
              onKeyDown={onKeyDown}
              onBlur={close}
              className={`w-full rounded-md border bg-white py-1.5 pr-8 pl-2 text-sm ${error ? "border-red-500" : "border-slate-300"}`}
            />
            <ChevronDown
              aria-hidden
              className="pointer-events-none absolute top-1/2 right-2 size-4 -translate-y-1/2 text-slate-500"
            />
          </div>
        </Popover.Anchor>
        <Popover.Portal container={container}>
          <Popover.Content
            role="presentation"
            align="start"
            sideOffset={4}
            onOpenAutoFocus={(e) => e.preventDefault()}
            onCloseAutoFocus={(e) => e.preventDefault()}
            onInteractOutside={(e) => {
              if (anchorRef.current?.contains(e.target as Node)) e.preventDefault();
              else close();
            }}
            onEscapeKeyDown={close}
            // Keeps focus in the input when the list's scrollbar is dragged.
            onMouseDown={(e) => e.preventDefault()}
            className="z-50 max-h-72 w-max max-w-[min(28rem,calc(100vw-1rem))] min-w-(--radix-popover-trigger-width) overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            <ul id={listId} role="listbox" aria-label={label}>
              {items.map((option, i) => (
                <li
                  key={option.id || "none"}
                  id={optionId(id, i)}
                  role="option"
                  aria-selected={i === active}
                  aria-disabled={option.disabled || undefined}
                  // Keeps focus in the input, so the list stays open and the click chooses.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(option)}
                  onMouseMove={() => !option.disabled && i !== active && setActive(i)}
                  className={`flex cursor-default items-center gap-2 px-2 py-1.5 ${i === active ? "bg-brand-50 text-slate-900" : "text-slate-700"} ${option.disabled ? "opacity-50" : ""}`}
                >
                  <Check
                    aria-hidden
                    className={`size-4 shrink-0 ${(option.id || null) === value ? "text-brand-600" : "invisible"}`}
                  />
                  <span className="min-w-0 flex-1 truncate">{option.label}</span>
                  {option.hint && <span className="shrink-0 text-xs text-slate-500">{option.hint}</span>}
                </li>
              ))}
            </ul>
            <ResultsNote results={results} q={q} count={items.length} />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {name && <input type="hidden" name={name} value={value ?? ""} />}
      <p role="status" className="sr-only">
        {open ? announcement(results, q) : ""}
      </p>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function ResultsNote({ results, q, count }: { results: Results; q: string; count: number }) {
  const note =
    results.status === "failed"
      ? results.message
      : results.status === "loading" && count === 0
        ? "Searching…"
        : results.status === "done" && results.options.length === 0
          ? q
            ? `No matches for “${q}”`
            : "No matches"
          : null;
  if (!note) return null;
  return <p className={`px-3 py-2 ${results.status === "failed" ? "text-red-700" : "text-slate-600"}`}>{note}</p>;
}

function announcement(results: Results, q: string): string {
  if (results.status === "failed") return results.message;
  if (results.status === "loading") return "";
  const n = results.options.length;
  if (n === 0) return q ? `No matches for “${q}”` : "No matches";
  return `${n} ${n === 1 ? "option" : "options"}`;
}

/** The list's rows: the "none" option first while nothing is typed, then the server's. */
/**
 * Where the list is put: in the dialog or landmark the input is in, so that it is read as
 * part of it (and no content sits outside every landmark), yet out of the input's own
 * boxes, which may clip it.
 */
function landmarkOf(anchor: HTMLElement | null): HTMLElement | undefined {
  return anchor?.closest<HTMLElement>('[role="dialog"], main, [role="main"], header, nav, aside, footer') ?? undefined;
}

function choices(noneLabel: string | undefined, q: string, options: ComboboxOption[]): ComboboxOption[] {
  return noneLabel && !q ? [{ id: NONE, label: noneLabel }, ...options] : options;
}

function firstEnabled(items: ComboboxOption[]): number {
  return items.findIndex((o) => !o.disabled);
}

function optionId(comboboxId: string, index: number): string {
  return `${comboboxId}-option-${index}`;
}

function failureMessage(reason: unknown): string {
  const message = reason instanceof Error ? reason.message : "";
  return message ? `Could not load the options: ${message}` : "Could not load the options. Try again.";
}
