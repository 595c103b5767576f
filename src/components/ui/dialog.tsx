"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "./button";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names the action and the things: "Reactivate Contacts", "Add Contact". */
  title: ReactNode;
  description: ReactNode;
  /** The content's size and layout: width, height, flex or scrolling. */
  className: string;
  children: ReactNode;
} & Pick<ComponentProps<typeof RadixDialog.Content>, "onOpenAutoFocus" | "onCloseAutoFocus">;

/**
 * Below the sm breakpoint a dialog is a full-screen sheet (these variants come after the
 * caller's width and height classes in the stylesheet, so they win); dvh follows the
 * phone's visible height as its browser bars come and go.
 */
const PHONE_SHEET =
  "max-sm:inset-0 max-sm:h-dvh max-sm:max-h-none max-sm:w-full max-sm:max-w-none max-sm:translate-x-0 max-sm:translate-y-0 max-sm:rounded-none max-sm:p-4 max-sm:shadow-none";

/** A modal dialog: the overlay, the centred panel (a sheet on phones), its title and description, then the content. */
export function Dialog({ open, onOpenChange, title, description, className, children, ...focus }: Props) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          {...focus}
          className={`fixed top-1/2 left-1/2 z-40 max-h-[calc(100dvh-2rem)] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto overscroll-contain rounded-lg bg-white p-6 shadow-xl ${className} ${PHONE_SHEET}`}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Cancel: closes the dialog, changing nothing. It comes first, the verb last. */
export function DialogCancel(props: Omit<ComponentProps<typeof Button>, "variant" | "children">) {
  return (
    <RadixDialog.Close asChild>
      <Button {...props}>Cancel</Button>
    </RadixDialog.Close>
  );
}
