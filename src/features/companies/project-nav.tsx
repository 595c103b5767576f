"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A project's tools: its Directory and its Crews. */
export function ProjectNav({ companyId, projectId }: { companyId: string; projectId: string }) {
  const pathname = usePathname();
  const base = `/companies/${companyId}/projects/${projectId}`;
  const links = [
    { href: `${base}/directory/contacts`, section: `${base}/directory`, label: "Directory" },
    { href: `${base}/crews`, section: `${base}/crews`, label: "Crews" },
  ];
  return (
    <nav aria-label="Project tools" className="flex gap-1">
      {links.map((link) => {
        const current = pathname.startsWith(link.section);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
