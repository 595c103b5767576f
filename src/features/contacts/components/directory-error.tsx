"use client";

import { DATABASE_UNAVAILABLE_MESSAGE, useDatabaseUnavailable, useRetry } from "@/lib/use-database-unavailable";

/** The error state of a directory tab: a database outage is never shown as "no contacts". */
export function DirectoryError({ reset }: { reset: () => void }) {
  const databaseUnavailable = useDatabaseUnavailable();
  const retry = useRetry(reset);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-10 text-center">
      <p className="font-medium text-red-900">The directory could not be loaded.</p>
      <p className="mt-1 text-sm text-red-800">
        {databaseUnavailable
          ? DATABASE_UNAVAILABLE_MESSAGE
          : "Nothing was changed. Check your connection and try again."}
      </p>
      <button
        type="button"
        onClick={retry}
        className="mt-4 rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}
