"use client";

import { useSyncExternalStore } from "react";
import { formatWhen } from "./history-entry";

const subscribe = () => () => {};

/**
 * A moment in the viewer's own time zone, with UTC on hover (and in the CSV). The server
 * renders UTC; the browser swaps in local time as it hydrates.
 */
export function LocalTime({ iso }: { iso: string }) {
  const at = new Date(iso);
  const utc = formatWhen(at);
  const local = useSyncExternalStore(
    subscribe,
    () =>
      at.toLocaleString("en-US", {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
      }),
    () => utc,
  );
  return (
    <time dateTime={iso} title={utc}>
      {local}
    </time>
  );
}
