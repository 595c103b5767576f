"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { refusedPageName } from "./refused-page";

/** The body of a 403 inside the app's header: what the user may not open, and whom to ask. */
export function Refusal() {
  const pathname = usePathname();
  const company = /^\/companies\/[^/]+/.exec(pathname)?.[0];
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold">You don&apos;t have access</h1>
      <p className="mt-2 text-slate-700">
        You don&apos;t have access to {refusedPageName(pathname)}. Ask a company Admin.
      </p>
      {company && (
        <Link href={`${company}/directory/contacts`} className="mt-4 inline-block text-brand-700 underline">
          Go to the directory
        </Link>
      )}
    </div>
  );
}
