import { HardHat } from "lucide-react";
import type { ReactNode } from "react";

/** The frame of the signed-out pages: the product's name, the page's title, its content. */
export function AccountPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto mt-24 w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <p className="flex items-center gap-2 font-semibold">
        <HardHat aria-hidden className="size-5 text-brand-600" />
        Rollcall
      </p>
      <h1 className="mt-4 text-xl font-semibold">{title}</h1>
      {children}
    </main>
  );
}
