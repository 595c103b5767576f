import { describe, expect, test, vi } from "vitest";
import { signInAction } from "@/features/auth/actions";
import { createContactAction, updateContactAction } from "@/features/contacts/form-actions";
import { addUserAction } from "@/features/users/actions";
import { NOT_A_FORM } from "@/lib/action-result";

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ set: () => undefined }),
}));

// An action's arguments are whatever a POST decodes to: a form action may get anything but a form.
const NOT_FORMS: unknown[] = [undefined, null, "email=a@b.c", 42, {}, [], { get: "x" }, [new FormData()]];

describe("form actions given anything but form data", () => {
  const ACTIONS = { signInAction, addUserAction, createContactAction, updateContactAction } as const;
  test.each(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])(
    "%s answers with a message, not an exception",
    async (name) => {
      const action = ACTIONS[name] as (state: object, form: unknown) => Promise<{ message?: string }>;
      for (const args of NOT_FORMS) expect(await action({}, args)).toEqual({ message: NOT_A_FORM });
    },
  );
});
