"use client";

import { Search } from "lucide-react";

/** `q` is the URL state as typed: it updates at once, the server request after a pause. */
type Props = {
  q: string;
  onSearch: (q: string) => void;
  /** The search box's accessible name: "Search contacts". */
  searchLabel: string;
  placeholder: string;
  children?: React.ReactNode;
};

/** A table's actions (children) on the left, its search on the right. */
export function TableToolbar({ q, onSearch, searchLabel, placeholder, children }: Props) {
  return (
    // On phones the toolbar stays at the top while the cards scroll: Bulk Actions and Add are one tap away.
    <div className="flex flex-wrap items-center gap-3 max-md:sticky max-md:top-0 max-md:z-10 max-md:-mx-4 max-md:bg-slate-50/95 max-md:px-4 max-md:py-2">
      {children}
      <label className="relative ml-auto w-full max-w-xs">
        <span className="sr-only">{searchLabel}</span>
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
        />
        <input
          type="search"
          value={q}
          maxLength={200}
          placeholder={placeholder}
          onChange={(e) => onSearch(e.target.value)}
          className="w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm placeholder:text-slate-400"
        />
      </label>
    </div>
  );
}
