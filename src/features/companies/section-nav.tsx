"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SectionLink = {
  href: string;
  label: string;
  /** The path prefix that marks this link current. */ section: string;
};

/** A row of links; the one whose section holds the current page is marked current. */
export function SectionNav({
  label,
  links,
  className = "",
}: {
  label: string;
  links: SectionLink[];
  className?: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={`flex flex-wrap gap-1 ${className}`}>
      {links.map((link) => {
        const current = pathname.startsWith(link.section);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`inline-flex min-h-6 items-center rounded-md px-3 py-1.5 text-sm font-medium pointer-coarse:min-h-11 ${current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
