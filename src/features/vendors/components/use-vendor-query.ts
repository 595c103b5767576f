"use client";

import { debounce, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { vendorSearchParams } from "@/shared/vendor-query";

/** A Companies tab's URL state for client components; each change asks the server for the new page. */
export function useVendorQuery() {
  const [isPending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(vendorSearchParams, { shallow: false, startTransition });
  function setSearch(q: string) {
    void setQuery({ q, page: 1 }, { limitUrlUpdates: q ? debounce(300) : undefined });
  }
  return { query, setQuery, setSearch, isPending };
}
