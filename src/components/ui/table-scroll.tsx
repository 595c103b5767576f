import type { ComponentProps } from "react";

type Props = { label: string } & Omit<ComponentProps<"div">, "role" | "tabIndex" | "aria-label">;

/**
 * The box a wide table scrolls sideways in, so the page itself never does: a labelled
 * region in the Tab order (keyboard users scroll it with the arrow keys). `relative`
 * keeps visually hidden headers (position: absolute) inside the box, not past the page's edge.
 */
export function TableScroll({ label, className = "", children, ...props }: Props) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white ${className}`}
      {...props}
    >
      {children}
    </div>
  );
}
