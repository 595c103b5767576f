"use client";

import { useId, type ComponentProps } from "react";

type Props = ComponentProps<"input"> & {
  label: string;
  name: string;
  /** The message to fix this field, shown under it and tied to it for screen readers. */
  error?: string;
};

/** A labelled text input with its error message. */
export function TextField({ label, error, required, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
        {required && (
          <span aria-hidden className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      <input
        id={inputId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        className={`mt-1 w-full rounded-md border px-3 py-2 text-sm ${error ? "border-red-500" : "border-slate-300"}`}
        {...input}
      />
      <FieldError id={`${inputId}-error`} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {error}
    </p>
  ) : null;
}
