"use client";

import { useRef } from "react";

/**
 * Radix's modal dialog returns focus to its `Dialog.Trigger` when it closes. A dialog
 * opened from an ordinary button (open state held by the parent) has no trigger, so focus
 * would fall to <body>: remember what had focus when the dialog opened and put it back.
 * Spread the result onto `Dialog.Content`.
 */
export function useReturnFocus() {
  const returnTo = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      const target = returnTo.current;
      returnTo.current = null;
      if (target?.isConnected) {
        event.preventDefault();
        target.focus();
      }
    },
  };
}
