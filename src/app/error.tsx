"use client";

import { DATABASE_UNAVAILABLE_MESSAGE, useDatabaseUnavailable, useRetry } from "@/lib/use-database-unavailable";

export default function RootError({ reset }: { error: Error; reset: () => void }) {
  const databaseUnavailable = useDatabaseUnavailable();
  const retry = useRetry(reset);
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-2xl font-semibold">
        {databaseUnavailable ? "The database is unavailable" : "Something went wrong"}
      </h1>
      <p role="alert" className="mt-2 text-slate-600">
        {databaseUnavailable ? DATABASE_UNAVAILABLE_MESSAGE : "Rollcall could not load this page. Nothing was changed."}
      </p>
      <button type="button" onClick={retry} className="mt-4 rounded-md bg-brand-600 px-3 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
