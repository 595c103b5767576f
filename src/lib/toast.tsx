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

type SonnerToast = Sonner["toast"];
export const toast = {
  success: (...args: Parameters<SonnerToast["success"]>) =>
    void loadSonner().then((sonner) => sonner.toast.success(...args)),
  error: (...args: Parameters<SonnerToast["error"]>) => void loadSonner().then((sonner) => sonner.toast.error(...args)),
  loading: (...args: Parameters<SonnerToast["loading"]>) =>
    void loadSonner().then((sonner) => sonner.toast.loading(...args)),
};

/** sonner's Toaster, rendered from the first toast on. */
export function Toaster(props: ComponentProps<Sonner["Toaster"]>) {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  useEffect(() => {
    const notify = (loaded: Sonner) => setSonner(loaded);
    whenLoaded.add(notify);
    void loading?.then(notify);
    return () => void whenLoaded.delete(notify);
  }, []);
  return sonner ? <sonner.Toaster {...props} /> : null;
}
