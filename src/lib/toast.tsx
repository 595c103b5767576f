"use client";

import { useEffect, useState, type ComponentProps } from "react";

type Sonner = typeof import("sonner");

// sonner, with the styles it injects, loads with the first toast instead of with every
// page: it is a tenth of a directory page's JavaScript budget (e2e/page-weight.spec.ts).
// The Toaster mounts once sonner has loaded; sonner replays the toasts raised before its
// Toaster subscribed. Raise toasts through this module only, so the Toaster is there.
let loading: Promise<Sonner> | undefined;
const whenLoaded = new Set<(sonner: Sonner) => void>();

function loadSonner(): Promise<Sonner> {
  loading ??= import("sonner").then((sonner) => {
    whenLoaded.forEach((notify) => notify(sonner));
    return sonner;
  });
  return loading;
}

/** The key that takes focus to the toasts (sonner's default), as the toasts themselves say it. */
export const TOASTS_HOTKEY = { keys: ["altKey", "KeyT"], label: "Alt+T" } as const;

type SonnerToast = Sonner["toast"];
export const toast = {
  success: (...args: Parameters<SonnerToast["success"]>) =>
    void loadSonner().then((sonner) => sonner.toast.success(...args)),
  error: (...args: Parameters<SonnerToast["error"]>) => void loadSonner().then((sonner) => sonner.toast.error(...args)),
  loading: (...args: Parameters<SonnerToast["loading"]>) =>
    void loadSonner().then((sonner) => sonner.toast.loading(...args)),
};

// Where focus was before it entered the toasts: a toast's button disappears once pressed.
let focusBeforeToasts: HTMLElement | null = null;

/**
 * After a toast's button was pressed and its toast has gone, focus goes back to where the
 * user came from (or to the page's main content), never to the page body.
 */
export function restoreFocusAfterToast() {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest("[data-sonner-toaster]")) return;
    const target = focusBeforeToasts?.isConnected ? focusBeforeToasts : document.getElementById("main");
    target?.focus();
  });
}

/**
 * Remembers where focus was when it entered the toasts (Alt+T, or Tab), for
 * restoreFocusAfterToast, and holds the toasts' timers while focus is inside them.
 *
 * sonner pauses its timers only while the list is "expanded" (hovered, or opened by its
 * hotkey); a plain Tab into a toast would leave the timer running and Undo would vanish
 * under the keyboard. sonner has no option for it, so focus entering the list expands it
 * the way a pointer over it does, and focus leaving collapses it unless a pointer is there.
 */
function useToastsHoldWhileFocused() {
  useEffect(() => {
    const list = (node: EventTarget | null) =>
      node instanceof Element ? node.closest<HTMLElement>("[data-sonner-toaster]") : null;
    const onFocusIn = (event: FocusEvent) => {
      const entered = list(event.target);
      if (!entered || list(event.relatedTarget) === entered) return;
      if (event.relatedTarget instanceof HTMLElement) focusBeforeToasts = event.relatedTarget;
      entered.dispatchEvent(new MouseEvent("mousemove", { bubbles: true }));
    };
    const onFocusOut = (event: FocusEvent) => {
      const left = list(event.target);
      if (!left || list(event.relatedTarget) === left || left.matches(":hover")) return;
      left.dispatchEvent(new MouseEvent("mouseout", { bubbles: true, relatedTarget: null }));
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
    };
  }, []);
}

/** sonner's Toaster, rendered from the first toast on. */
export function Toaster(props: ComponentProps<Sonner["Toaster"]>) {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  useToastsHoldWhileFocused();
  useEffect(() => {
    const notify = (loaded: Sonner) => setSonner(loaded);
    whenLoaded.add(notify);
    void loading?.then(notify);
    return () => void whenLoaded.delete(notify);
  }, []);
  return sonner ? <sonner.Toaster hotkey={[...TOASTS_HOTKEY.keys]} {...props} /> : null;
}
