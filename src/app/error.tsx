"use client";

import { DATABASE_UNAVAILABLE_MESSAGE, useDatabaseUnavailable, useRetry } from "@/lib/use-database-unavailable";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
      {error.digest && (
        // The server logs the same reference with the request's id (src/instrumentation.ts).
        <p className="mt-2 text-sm text-slate-600">
          Reference for support: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={retry} className="mt-4 rounded-md bg-brand-600 px-3 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
