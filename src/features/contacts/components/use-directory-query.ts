"use client";

import { debounce, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { directorySearchParams } from "@/shared/directory-query";

/**
 * The directory's URL state for client components. Each change asks the server for the
 * new page (shallow: false) inside a transition, so the table can show it is loading.
 */
export function useDirectoryQuery() {
  const [isPending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(directorySearchParams, {
    shallow: false,
    startTransition,
  });
  function setSearch(q: string) {
    // Typing waits for a pause; clearing applies at once.
    void setQuery({ q, page: 1 }, { limitUrlUpdates: q ? debounce(300) : undefined });
  }
  return { query, setQuery, setSearch, isPending };
}
