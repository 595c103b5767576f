"use client";

import { useRef, useState, type ButtonHTMLAttributes, type FocusEvent } from "react";

/** How the user opened a menu: by keyboard, its first item takes focus. */
export type MenuOpening = { byKeyboard: boolean };

type TriggerProps = Pick<
  ButtonHTMLAttributes<HTMLButtonElement>,
  "aria-haspopup" | "aria-expanded" | "onPointerDown" | "onKeyDown"
>;

/**
 * A menu whose code (Radix DropdownMenu, with floating-ui) loads on first use, so it stays
 * out of the JavaScript a directory page loads up front (e2e/page-weight.spec.ts). Until
 * then the page renders the trigger button alone with `triggerProps`: the press that opens
 * a Radix menu (left pointer down; Enter, Space or ArrowDown) loads the menu, which then
 * renders in the button's place, already open, and stays.
 */
export function useMenuOnFirstUse<Menu>(load: () => Promise<Menu>, { disabled = false } = {}) {
  const [loaded, setLoaded] = useState<{ Menu: Menu; opening: MenuOpening } | null>(null);
  const open = (opening: MenuOpening) => void load().then((Menu) => setLoaded({ Menu, opening }));
  const triggerProps: TriggerProps = {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    onPointerDown: (event) => {
      if (!disabled && event.button === 0 && !event.ctrlKey) open({ byKeyboard: false });
    },
    onKeyDown: (event) => {
      if (disabled || !["Enter", " ", "ArrowDown"].includes(event.key)) return;
      event.preventDefault();
      open({ byKeyboard: true });
    },
  };
  return { loaded, triggerProps };
}

/**
 * onFocus for the content of a menu that mounts open. Radix focuses the content, and moves
 * on to the first item only when it saw the key press that opened the menu, which here
 * came before the menu loaded: so the first time the content takes focus after a keyboard
 * opening, the first item takes it.
 */
export function useFocusFirstItemOnEntry(opening: MenuOpening) {
  const entered = useRef(!opening.byKeyboard);
  return (event: FocusEvent<HTMLElement>) => {
    if (entered.current || event.target !== event.currentTarget) return;
    entered.current = true;
    event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  };
}
