"use client";

import { debounce, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { projectsSearchParams } from "@/shared/project-query";

/** The Projects page's URL state; each change asks the server for the new page inside a transition. */
export function useProjectsQuery() {
  const [isPending, startTransition] = useTransition();
  const [query, setQuery] = useQueryStates(projectsSearchParams, { shallow: false, startTransition });
  function setSearch(q: string) {
    // Typing waits for a pause; clearing applies at once.
    void setQuery({ q, page: 1 }, { limitUrlUpdates: q ? debounce(300) : undefined });
  }
  return { query, setQuery, setSearch, isPending };
}
