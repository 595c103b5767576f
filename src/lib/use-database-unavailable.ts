"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";

/**
 * Whether the page failed because the database is unavailable: an error page cannot see
 * the server's error (production hides it), so it asks the readiness probe.
 */
export function useDatabaseUnavailable(): boolean {
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/ready", { cache: "no-store" })
      .then((response) => live && setUnavailable(response.status === 503))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return unavailable;
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The database is unavailable right now. Nothing was changed; Rollcall reconnects by itself, so try again in a few seconds.";

/**
 * "Try again" for an error boundary: asks the server for the page again (a failed server
 * render is not retried by reset alone), then clears the error.
 */
export function useRetry(reset: () => void): () => void {
  const router = useRouter();
  return () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
}
