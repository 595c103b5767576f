"use client";

export default function RootError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">Rollcall could not load this page. Nothing was changed.</p>
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-600 px-3 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
