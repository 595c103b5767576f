"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function MainNav({ companyId }: { companyId: string }) {
  const pathname = usePathname();
  const links = [
    { href: `/companies/${companyId}/directory/contacts`, label: "Directory", section: `/companies/${companyId}/directory` },
    { href: `/companies/${companyId}/projects`, label: "Projects", section: `/companies/${companyId}/projects` },
    { href: `/companies/${companyId}/settings/api-tokens`, label: "API tokens", section: `/companies/${companyId}/settings` },
  ];
  return (
    <nav aria-label="Main" className="ml-auto flex gap-1">
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
