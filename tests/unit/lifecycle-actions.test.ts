import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { inactivateContactsAction, reactivateContactsAction } from "@/features/contacts/actions";

// Malformed input is answered before any database is opened, with a message a person can act on.
describe.each([
  ["reactivateContactsAction", reactivateContactsAction],
  ["inactivateContactsAction", inactivateContactsAction],
])("%s refuses malformed input", (_, action) => {
  test("an empty selection", async () => {
    const result = await action({ companyId: randomUUID(), contactIds: [] });
    expect(result).toEqual({ data: null, error: expect.stringContaining("Choose at least one contact.") });
  });

  test("ids that are not UUIDs", async () => {
    const result = await action({ companyId: randomUUID(), contactIds: ["42"] });
    expect(result.error).toContain("Each contact id must be a UUID.");
  });

  test("something that is not an object at all", async () => {
    const result = await action("drop table");
    expect(result.data).toBeNull();
    expect(result.error).toBeTruthy();
  });
});
