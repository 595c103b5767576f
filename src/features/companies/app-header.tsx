import Link from "next/link";
import { HardHat, LogOut } from "lucide-react";
import { signOutAction } from "@/features/auth/actions";
import { MainNav } from "./main-nav";

type Props = { company: { id: string; name: string }; user: { name: string }; showHistory: boolean };

export function AppHeader({ company, user, showHistory }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <HardHat aria-hidden className="size-5 text-brand-600" />
          Rollcall
        </Link>
        <span className="text-sm text-slate-500">{company.name}</span>
        <MainNav companyId={company.id} showHistory={showHistory} />
        <div className="flex items-center gap-3 border-l border-slate-200 pl-4 text-sm">
          <span className="text-slate-600">{user.name}</span>
          <form action={signOutAction}>
            <button
              type="submit"
              className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100"
            >
              <LogOut aria-hidden className="size-4" />
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
