"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a submit comes back with errors (`result` is a new object per answer), focus goes
 * to the form's first field marked aria-invalid, where its message is read out; otherwise
 * it would stay on the submit button, or be lost to the page body.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, result: unknown) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, result]);
}
