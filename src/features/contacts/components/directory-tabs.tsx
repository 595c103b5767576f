"use client";

import Link from "next/link";
import { useRef } from "react";
import type { DirectoryTab } from "../validations";

const TABS: { tab: DirectoryTab; label: string; count: "active" | "inactive" }[] = [
  { tab: "contacts", label: "Contacts", count: "active" },
  { tab: "inactive-contacts", label: "Inactive Contacts", count: "inactive" },
];

type Props = { basePath: string; current: DirectoryTab; counts: { active: number; inactive: number } };

/**
 * The directory's tabs are links (each tab has its own URL), exposed as an ARIA tablist
 * with arrow-key movement. A tab's accessible name is exactly its label; the count is
 * its description.
 */
export function DirectoryTabs({ basePath, current, counts }: Props) {
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    refs.current[(index + step + TABS.length) % TABS.length]?.focus();
  }
  return (
    <>
    <div role="tablist" aria-label="Directory" className="flex gap-1 border-b border-slate-200">
      {TABS.map(({ tab, label, count }, index) => {
        const selected = tab === current;
        const n = counts[count];
        return (
          <Link
            key={tab}
            ref={(el) => {
              refs.current[index] = el;
            }}
            id={`tab-${tab}`}
            role="tab"
            href={`${basePath}/${tab}`}
            aria-selected={selected}
            aria-controls={selected ? "directory-panel" : undefined}
            aria-describedby={`tab-${tab}-count`}
            tabIndex={selected ? 0 : -1}
            onKeyDown={(e) => onKeyDown(e, index)}
            className={`-mb-px flex items-center gap-2 border-b-2 px-4 py-2 text-sm font-medium ${
              selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {label}
            <span aria-hidden className="rounded-full bg-slate-100 px-2 py-0.5 text-xs tabular-nums text-slate-700">
              {n.toLocaleString("en-US")}
            </span>
          </Link>
        );
      })}
    </div>
      {TABS.map(({ tab, count }) => (
        <span key={tab} id={`tab-${tab}-count`} hidden>
          {`${counts[count].toLocaleString("en-US")} ${counts[count] === 1 ? "contact" : "contacts"}`}
        </span>
      ))}
    </>
  );
}
