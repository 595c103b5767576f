"use client";

import Link from "next/link";
import { HardHat, LogOut } from "lucide-react";
import { signOutAction } from "@/features/auth/actions";
import { HeaderMenu } from "./header-menu";
import { MainNav } from "./main-nav";

type Props = { company: { id: string; name: string }; user: { name: string }; showHistory: boolean };

/**
 * The app's header: on narrow screens the navigation and Sign out fold into a Menu button.
 * A client component, so every page carries its three props, not its markup and icons a
 * second time in the React payload.
 */
export function AppHeader({ company, user, showHistory }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex min-h-6 items-center gap-2 font-semibold text-slate-900 pointer-coarse:min-h-11">
          <HardHat aria-hidden className="size-5 text-brand-600" />
          Rollcall
        </Link>
        {/* On narrow screens the name shrinks (and truncates) so the Menu button keeps to the first row. */}
        <span className="min-w-0 flex-1 basis-0 truncate text-sm text-slate-500 lg:flex-none lg:basis-auto">
          {company.name}
        </span>
        <HeaderMenu>
          <MainNav companyId={company.id} showHistory={showHistory} />
          <div className="flex items-center justify-between gap-3 border-t border-slate-200 pt-3 text-sm lg:justify-start lg:border-t-0 lg:border-l lg:pt-0 lg:pl-4">
            <span className="text-slate-600">{user.name}</span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="inline-flex min-h-6 items-center gap-1 rounded-md px-2 py-1.5 text-slate-600 hover:bg-slate-100"
              >
                <LogOut aria-hidden className="size-4" />
                Sign out
              </button>
            </form>
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
