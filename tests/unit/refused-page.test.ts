import { describe, expect, test } from "vitest";
import { refusedPageName } from "@/features/companies/refused-page";

const C = "/companies/5d1e7c4a-6b0f-4c1e-9a57-2f3b8e9d0a11";
const P = `${C}/projects/7de86d51-f8a8-4950-bf36-b1250e2bf6e9`;

describe("the 403 page names the page it refuses", () => {
  test.each([
    [`${C}/history`, "Change History"],
    [`${C}/directory/inactive-contacts`, "Inactive Contacts"],
    [`${C}/directory/users`, "the Users tab"],
    [`${C}/directory/contacts`, "the Directory"],
    [`${C}/contacts/0b7a1c52-8d55-4f0e-9a57-2f3b8e9d0a11`, "the Directory"],
    [`${P}/directory/inactive-contacts`, "this project's Inactive Contacts"],
    [`${P}/directory/contacts`, "this project's directory"],
    [`${C}/settings/api-tokens`, "API tokens"],
    [`${C}/directory/inactive-users`, "Inactive Users"],
    [`${C}/directory/inactive-companies`, "Inactive Companies"],
    [`${C}/directory/duplicates`, "Duplicates"],
    [`${C}/directory/import`, "the contact import"],
    [`${P}/directory/import`, "this project's contact import"],
    [`${C}/outbox`, "the Outbox"],
    [`${C}/somewhere-new`, "this page"],
  ])("%s is %s", (path, name) => {
    expect(refusedPageName(path)).toBe(name);
  });
});
