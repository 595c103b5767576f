"use client";

// A client component: the page then carries a reference to it, not its markup a second time.
/** Shown while a directory tab loads for the first time. */
export function DirectorySkeleton() {
  return (
    <div role="status" aria-label="Loading contacts" className="animate-pulse space-y-4">
      <div className="h-10 w-72 rounded bg-slate-200" />
      <div className="flex justify-between">
        <div className="h-9 w-36 rounded bg-slate-200" />
        <div className="h-9 w-72 rounded bg-slate-200" />
      </div>
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-6 rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
