"use client";

// A client component: every page then carries a reference to it, not its markup twice.
/** The first Tab stop of every page: past the header, to the page's own content (`main#main`). */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-white px-4 py-3 font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
    >
      Skip to content
    </a>
  );
}
