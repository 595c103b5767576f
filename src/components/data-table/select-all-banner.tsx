"use client";

type Props = {
  /** What the rows are: "contacts", "companies". */
  plural: string;
  pageCount: number;
  total: number;
  /** The most one bulk action may change. */
  max: number;
  allMatching: boolean;
  onSelectAll: () => void;
  onClear: () => void;
};

const n = (x: number) => x.toLocaleString("en-US");

/** Shown once a whole page is selected and more rows match: offers (or explains the limit of) "all matching". */
export function SelectAllBanner({ plural, pageCount, total, max, allMatching, onSelectAll, onClear }: Props) {
  const link = "font-medium text-brand-700 underline hover:text-slate-900";
  return (
    <div
      aria-live="polite"
      className="rounded-md border border-brand-100 bg-brand-50 px-4 py-2 text-center text-sm text-slate-800"
    >
      {allMatching ? (
        <>
          All {n(total)} matching {plural} are selected.{" "}
          <button type="button" onClick={onClear} className={link}>
            Clear selection
          </button>
        </>
      ) : total > max ? (
        <>
          All {n(pageCount)} {plural} on this page are selected. {n(total)} {plural} match: a bulk action can change at
          most {n(max)} at once, so narrow the search or filters to act on all of them.
        </>
      ) : (
        <>
          All {n(pageCount)} {plural} on this page are selected.{" "}
          <button type="button" onClick={onSelectAll} className={link}>
            Select all {n(total)} matching {plural}
          </button>
        </>
      )}
    </div>
  );
}
