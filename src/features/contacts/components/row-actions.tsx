"use client";

import { useMenuOnFirstUse } from "@/components/data-table/menu-on-first-use";
import { RowActionsButton, type RowActionsProps } from "./row-actions-button";

const loadMenu = () => import("./row-actions-menu").then((m) => m.RowActionsMenu);

/** The last cell of a row: view the contact, or change just this one. */
export function RowActions(props: RowActionsProps) {
  const { loaded, triggerProps } = useMenuOnFirstUse(loadMenu);
  if (loaded) return <loaded.Menu {...props} opening={loaded.opening} />;
  return <RowActionsButton name={props.name} {...triggerProps} />;
}
