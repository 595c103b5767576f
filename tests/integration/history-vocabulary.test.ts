import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open-database";
import { batchActionSchema, CONTACT_HISTORY_ACTIONS, VENDOR_HISTORY_ACTIONS } from "@/shared/history-events";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createContact } from "../helpers/factories";

// The database's CHECK lists of known actions and the typed vocabulary are written in two
// places; several migrations changed the lists side by side, so the two are compared here.
describe.each(TEST_DATABASES)("the history's vocabulary and the database on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  it("every kind of change in the vocabulary can be recorded, and an unknown one cannot", async () => {
    const { id: companyId } = await createCompany(db.prisma);
    const contact = await createContact(db.prisma, companyId);
    for (const action of batchActionSchema.options) {
      const batch = await db.prisma.changeBatch.create({ data: { companyId, action, actorName: "Vocabulary test" } });
      expect(batch.action).toBe(action);
    }
    await expect(
      db.prisma.changeBatch.create({ data: { companyId, action: "contacts.delete", actorName: "Vocabulary test" } }),
    ).rejects.toThrow();
    const [batch] = await db.prisma.changeBatch.findMany({ where: { companyId }, take: 1 });
    for (const action of CONTACT_HISTORY_ACTIONS) {
      await db.prisma.contactEvent.create({
        data: { companyId, contactId: contact.id, batchId: batch!.id, action, projectIds: [] },
      });
    }
    expect(await db.prisma.contactEvent.count({ where: { companyId } })).toBe(CONTACT_HISTORY_ACTIONS.length);
    expect(VENDOR_HISTORY_ACTIONS.length).toBeGreaterThan(0);
  });
});
