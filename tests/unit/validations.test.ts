import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { parseDirectorySearchParams } from "@/features/contacts/validations";
import { bulkContactsInputSchema, contactIdsSchema } from "@/shared/bulk-selection";
import { MAX_BULK_CONTACTS } from "@/shared/directory-query";

describe("contactIdsSchema", () => {
  test("lower-cases and de-duplicates ids, keeping first-seen order", () => {
    const a = randomUUID();
    const b = randomUUID();
    expect(contactIdsSchema.parse([a, b.toUpperCase(), a, b])).toEqual([a, b]);
  });

  test("refuses an empty list, a non-UUID and more than the bulk limit, saying why", () => {
    const empty = contactIdsSchema.safeParse([]);
    expect(empty.error?.issues[0]?.message).toBe("Choose at least one contact.");
    const bad = contactIdsSchema.safeParse(["not-a-uuid"]);
    expect(bad.error?.issues[0]?.message).toBe("Each contact id must be a UUID.");
    const tooMany = contactIdsSchema.safeParse(Array.from({ length: MAX_BULK_CONTACTS + 1 }, () => randomUUID()));
    expect(tooMany.error?.issues[0]?.message).toBe("At most 10,000 contacts can change at once.");
  });

  test("accepts exactly the bulk limit", () => {
    const ids = Array.from({ length: MAX_BULK_CONTACTS }, () => randomUUID());
    expect(contactIdsSchema.parse(ids)).toHaveLength(MAX_BULK_CONTACTS);
  });
});

describe("bulkContactsInputSchema", () => {
  const companyId = randomUUID();
  const contactIds = [randomUUID()];

  test("takes an optional reason of up to 500 characters", () => {
    expect(bulkContactsInputSchema.parse({ companyId, contactIds, reason: "  Left the site  " }).reason).toBe(
      "Left the site",
    );
    expect(bulkContactsInputSchema.safeParse({ companyId, contactIds, reason: "x".repeat(501) }).success).toBe(false);
  });

  test("rejects unknown keys and a malformed company id", () => {
    expect(bulkContactsInputSchema.safeParse({ companyId, contactIds, status: "ACTIVE" }).success).toBe(false);
    expect(bulkContactsInputSchema.safeParse({ companyId: "1", contactIds }).success).toBe(false);
  });
});

describe("parseDirectorySearchParams", () => {
  const DEFAULTS = {
    q: "",
    sort: "name.asc",
    page: 1,
    perPage: 50,
    vendor: null,
    project: null,
    origin: null,
    group: null,
    hide: [],
  };

  test("gives defaults for an empty query, which is canonical", () => {
    expect(parseDirectorySearchParams({})).toEqual({
      query: { ...DEFAULTS },
      canonical: "",
      isCanonical: true,
    });
  });

  test("reads every key the table writes", () => {
    const vendor = randomUUID();
    const { query, isCanonical } = parseDirectorySearchParams({
      q: "lopez",
      sort: "company.desc",
      page: "3",
      perPage: "25",
      vendor,
      origin: "CREWS",
      group: "company",
      hide: "email,phone",
    });
    expect(query).toEqual({
      ...DEFAULTS,
      q: "lopez",
      sort: "company.desc",
      page: 3,
      perPage: 25,
      vendor,
      origin: "CREWS",
      group: "company",
      hide: ["email", "phone"],
    });
    expect(isCanonical).toBe(true);
  });

  test("drops unknown keys and values it cannot read, and says the URL should change", () => {
    const result = parseDirectorySearchParams({
      q: "lopez",
      page: "abc",
      sort: "salary.asc",
      perPage: "7",
      bogus: "1",
      vendor: "not-a-uuid",
      origin: "FAX",
    });
    expect(result.query).toEqual({ ...DEFAULTS, q: "lopez" });
    expect(result.isCanonical).toBe(false);
    expect(result.canonical).toBe("?q=lopez");
  });

  test("treats a page below 1 as the first page", () => {
    expect(parseDirectorySearchParams({ page: "-4" }).query.page).toBe(1);
    expect(parseDirectorySearchParams({ page: "-4" }).isCanonical).toBe(false);
  });
});

describe("contact fields", () => {
  test("refuse text PostgreSQL cannot store, with a message", async () => {
    const { contactFieldsSchema } = await import("@/shared/contact-fields");
    const result = contactFieldsSchema.safeParse({ firstName: "Ana\u0000", lastName: "Reyes", jobTitle: "a\u0000b" });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["firstName", "Remove the invisible control characters from this field."],
      ["jobTitle", "Remove the invisible control characters from this field."],
    ]);
  });

  test("store a blank optional field as null and lower-case the email", async () => {
    const { contactFieldsSchema } = await import("@/shared/contact-fields");
    expect(
      contactFieldsSchema.parse({
        firstName: " Ana ",
        lastName: "Reyes",
        email: " Ana@Example.COM ",
        phone: "",
        jobTitle: "  ",
      }),
    ).toEqual({
      firstName: "Ana",
      lastName: "Reyes",
      email: "ana@example.com",
      phone: null,
      jobTitle: null,
    });
  });
});
