import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { mergeContacts } from "@/server/contacts/merge-contacts";
import { updateContact } from "@/server/contacts/update-contact";
import type { Database } from "@/server/db/open-database";
import { DomainError } from "@/server/errors";
import type { ChangedBy } from "@/server/history/changed-by";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject } from "../helpers/factories";

const BY: ChangedBy = { actorId: null, actorName: "Race" };
const ROUNDS = 5;

describe.each(TEST_DATABASES)("a merge racing other changes over the same contacts, on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  async function people(n: number) {
    const { id: companyId } = await createCompany(db.prisma);
    const site = await createProject(db.prisma, companyId, "Site");
    const contacts = [];
    for (let i = 0; i < n; i++)
      contacts.push(
        await createContact(db.prisma, companyId, { lastName: `Racer ${i}`, projects: { [site.id]: "ACTIVE" } }),
      );
    return { companyId, ids: contacts.map((c) => c.id) };
  }

  /** No contact is half-merged: a merged one points at a kept one that is not merged and has no live membership left. */
  async function expectWhole(companyId: string) {
    const contacts = await db.prisma.contact.findMany({ where: { companyId } });
    const byId = new Map(contacts.map((c) => [c.id, c]));
    for (const c of contacts.filter((c) => c.status === "MERGED")) {
      expect(byId.get(c.mergedIntoId!)?.status).not.toBe("MERGED");
    }
    const live = await db.prisma.projectContact.findMany({ where: { companyId, status: { not: "REMOVED" } } });
    for (const m of live) {
      const owner = byId.get(m.contactId)!;
      expect(owner.status, `a live membership of ${owner.id}`).not.toBe("MERGED");
      if (owner.status === "INACTIVE") expect(m.status).toBe("INACTIVE");
    }
  }

  test("two merges over the same contacts: one wins, the other is refused with a message; nothing half-merged", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { companyId, ids } = await people(3);
      const [a, b, c] = ids as [string, string, string];
      const results = await Promise.allSettled([
        mergeContacts(db.prisma, { companyId, keepId: a, mergeIds: [b], by: BY }),
        mergeContacts(db.prisma, { companyId, keepId: c, mergeIds: [b], by: BY }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected")!.reason as unknown;
      expect(lost).toBeInstanceOf(DomainError);
      expect((lost as DomainError).code).toBe("conflict");
      expect((lost as DomainError).message).toMatch(/already merged/);
      await expectWhole(companyId);
    }
  });

  test("a merge racing a bulk inactivation and an edit of the same contacts: each sees the other's result; the invariants hold", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { companyId, ids } = await people(3);
      const [keep, ...others] = ids as [string, string, string];
      const results = await Promise.allSettled([
        mergeContacts(db.prisma, { companyId, keepId: keep, mergeIds: others, by: BY }),
        inactivateContacts(db.prisma, { companyId, contactIds: [keep, others[0]!], by: BY }),
        updateContact(db.prisma, { companyId, contactId: others[1]!, patch: { jobTitle: "Welder" }, by: BY }),
      ]);
      expect(results[0]!.status).toBe("fulfilled");
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DomainError);
      await expectWhole(companyId);
      const kept = await db.prisma.contact.findFirstOrThrow({ where: { companyId, id: keep } });
      expect(kept.status).not.toBe("MERGED");
      const merged = await db.prisma.contact.findMany({ where: { companyId, id: { in: others } } });
      expect(merged.map((m) => m.status)).toEqual(["MERGED", "MERGED"]);
    }
  });

  test("an edit of a contact merged away is refused with a message, and the merged contact stays as the merge left it", async () => {
    const { companyId, ids } = await people(2);
    const [keep, gone] = ids as [string, string];
    await mergeContacts(db.prisma, { companyId, keepId: keep, mergeIds: [gone], by: BY });
    const before = await db.prisma.contact.findFirstOrThrow({ where: { companyId, id: gone } });
    const refused = await updateContact(db.prisma, {
      companyId,
      contactId: gone,
      patch: { jobTitle: "Welder" },
      by: BY,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toBe(
      "This contact was merged into another contact. Open that contact and edit it there.",
    );
    expect(await db.prisma.contact.findFirstOrThrow({ where: { companyId, id: gone } })).toEqual(before);
  });
});
