import type { ComponentProps } from "react";

const VARIANTS = {
  /** The verb of a form or dialog: one per view. */
  primary: "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50",
  /** Everything else: Cancel, Edit, Export. */
  secondary: "rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** A button's classes, for links that look like one. */
export function buttonClass(variant: ButtonVariant, className?: string): string {
  return className ? `${VARIANTS[variant]} ${className}` : VARIANTS[variant];
}

export function Button({
  variant = "secondary",
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
