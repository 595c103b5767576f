import { describe, expect, test } from "vitest";
import { packContactRows, unpackContactRows } from "@/features/contacts/packed-rows";
import type { ContactListRow } from "@/server/contacts/list-contacts";

const row = (over: Partial<ContactListRow>): ContactListRow => ({
  id: "72e01ad6-081c-4945-b423-b819925b9a37",
  firstName: "Zoë",
  lastName: "O’Brien-Łukasz",
  email: "zoe@example.com",
  phone: "(555) 048-0048",
  jobTitle: "Ironworker",
  vendor: { name: "Acme Steel", status: "ACTIVE" },
  projects: { count: 3, first: "Project 2" },
  ...over,
});

describe("a directory page's rows cross to the browser packed", () => {
  const rows: ContactListRow[] = [
    row({}),
    row({ vendor: { name: "Old Co", status: "INACTIVE" } }),
    row({ vendor: { name: "Gone Co", status: "MERGED" } }),
    row({ vendor: null, email: null, phone: null, jobTitle: null, projects: { count: 0, first: null } }),
  ];

  test("unpacking gives back every field of every row, in order, for each company status and for empty fields", () => {
    expect(unpackContactRows(JSON.parse(JSON.stringify(packContactRows(rows))))).toEqual(rows);
  });

  test("a packed page is less than two thirds of the same rows as objects", () => {
    const page = Array.from({ length: 50 }, () => row({}));
    expect(JSON.stringify(packContactRows(page)).length).toBeLessThan((JSON.stringify(page).length * 2) / 3);
  });
});
