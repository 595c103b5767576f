import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/server/db/open-database";
import { createContact } from "@/server/contacts/create-contact";
import { findDuplicateContacts } from "@/server/contacts/find-duplicate-contacts";
import { getContact } from "@/server/contacts/get-contact";
import { streamContactBatches } from "@/server/contacts/stream-contacts";
import { updateContact } from "@/server/contacts/update-contact";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createContact as createContactRow, createProject, createVendor } from "../helpers/factories";

describe.each(TEST_DATABASES)("contact records on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  test("a contact created from a project is on that project, and an edit shows everywhere", async () => {
    const company = await createCompany(db.prisma);
    const project = await createProject(db.prisma, company.id);
    const vendor = await createVendor(db.prisma, company.id);
    const created = await createContact(db.prisma, {
      companyId: company.id,
      input: { firstName: "Ana", lastName: "Reyes", email: "ana@example.com", vendorId: vendor.id },
      origin: "INCIDENTS",
      originProjectId: project.id,
    });
    expect(created.vendor).toEqual({ id: vendor.id, name: vendor.name, status: "ACTIVE" });

    await updateContact(db.prisma, {
      companyId: company.id,
      contactId: created.id,
      patch: { jobTitle: "Witness", vendorId: null },
    });
    const detail = await getContact(db.prisma, { companyId: company.id, contactId: created.id });
    expect(detail).toMatchObject({ jobTitle: "Witness", vendor: null, origin: "INCIDENTS" });
    expect(detail!.projects.map((p) => [p.id, p.status])).toEqual([[project.id, "ACTIVE"]]);
  });

  test("another company's vendor, project or contact is not found and nothing is written", async () => {
    const mine = await createCompany(db.prisma);
    const theirs = await createCompany(db.prisma);
    const theirVendor = await createVendor(db.prisma, theirs.id);
    const theirProject = await createProject(db.prisma, theirs.id);
    const theirContact = await createContactRow(db.prisma, theirs.id);

    await expect(
      createContact(db.prisma, {
        companyId: mine.id,
        input: { firstName: "A", lastName: "B", vendorId: theirVendor.id },
        origin: "API",
      }),
    ).rejects.toThrow("That company (vendor) is not in this directory.");
    await expect(
      createContact(db.prisma, {
        companyId: mine.id,
        input: { firstName: "A", lastName: "B", projectIds: [theirProject.id] },
        origin: "API",
      }),
    ).rejects.toThrow("A project was not found.");
    await expect(
      updateContact(db.prisma, { companyId: mine.id, contactId: theirContact.id, patch: { firstName: "Hacked" } }),
    ).rejects.toThrow("Contact not found.");
    expect(await db.prisma.contact.count({ where: { companyId: mine.id } })).toBe(0);
    expect(
      (
        await db.prisma.contact.findUniqueOrThrow({
          where: { companyId_id: { companyId: theirContact.companyId, id: theirContact.id } },
        })
      ).firstName,
    ).not.toBe("Hacked");
  });

  test("finds a likely duplicate by name and email, ignoring case, and none for another name and email", async () => {
    const company = await createCompany(db.prisma);
    const existing = await createContactRow(db.prisma, company.id, {
      firstName: "Luis",
      lastName: "Ortega",
      email: "luis@example.com",
    });
    const found = await findDuplicateContacts(db.prisma, {
      companyId: company.id,
      firstName: "LUIS",
      lastName: "ortega",
      email: "Luis@Example.com",
    });
    expect(found.map((c) => c.id)).toEqual([existing.id]);
    expect(
      await findDuplicateContacts(db.prisma, {
        companyId: company.id,
        firstName: "Marta",
        lastName: "Ruiz",
        email: "other@example.com",
      }),
    ).toEqual([]);
  });

  test("streams every matching contact in the tab's order across batches", async () => {
    const company = await createCompany(db.prisma);
    await db.prisma.contact.createMany({
      data: Array.from({ length: 2105 }, (_, i) => ({
        companyId: company.id,
        firstName: "Crew",
        lastName: `Member ${String(i).padStart(4, "0")}`,
        jobTitle: i % 2 ? "Laborer" : "Carpenter",
      })),
    });
    const names: string[] = [];
    for await (const batch of streamContactBatches(db.prisma, {
      companyId: company.id,
      status: "ACTIVE",
      q: "laborer",
      sort: "name.desc",
    })) {
      names.push(...batch.map((c) => c.lastName));
    }
    expect(names).toHaveLength(1052);
    expect(names[0]).toBe("Member 2103");
    expect(names.at(-1)).toBe("Member 0001");
    expect(new Set(names).size).toBe(names.length);
  });
});
