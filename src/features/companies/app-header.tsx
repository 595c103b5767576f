import Link from "next/link";
import { HardHat } from "lucide-react";
import { MainNav } from "./main-nav";

export function AppHeader({ company }: { company: { id: string; name: string } }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <HardHat aria-hidden className="size-5 text-brand-600" />
          Rollcall
        </Link>
        <span className="text-sm text-slate-500">{company.name}</span>
        <MainNav companyId={company.id} />
      </div>
    </header>
  );
}
