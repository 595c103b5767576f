"use client";

import { useId } from "react";

type Props = { value: string; onChange: (value: string) => void; disabled?: boolean; placeholder?: string };

/** The optional Reason of a bulk change, kept in the change history with the actor's name. */
export function ReasonField({ value, onChange, disabled, placeholder = "e.g. Crew demobilized after phase 2" }: Props) {
  const id = useId();
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block text-sm font-medium">
        Reason
      </label>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={500}
        rows={2}
        disabled={disabled}
        placeholder={placeholder}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        Optional. Kept in the change history with your name.
      </p>
    </div>
  );
}
