import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import type { Database } from "@/server/db/open-database";
import type { ChangedBy } from "@/server/history/changed-by";
import { listBatchEvents, listHistoryBatches } from "@/server/history/list-history-batches";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject } from "../helpers/factories";

const ADA: ChangedBy = { actorId: null, actorName: "Ada Admin", reason: "Crew demobilized" };

describe.each(TEST_DATABASES)("the Change History's one row per change on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());

  async function company() {
    const c = await createCompany(db.prisma);
    const projects = await Promise.all([1, 2, 3].map((n) => createProject(db.prisma, c.id, `Site ${n}`)));
    return { companyId: c.id, p: projects.map((p) => p.id) as [string, string, string] };
  }
  const page = { page: 1, perPage: 50 };

  test("a bulk inactivation is one row: its contacts counted, its distinct project directories counted, its reason", async () => {
    const { companyId, p } = await company();
    const people = await Promise.all([
      createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE", [p[1]]: "ACTIVE" } }),
      createContact(db.prisma, companyId, { projects: { [p[1]]: "ACTIVE", [p[2]]: "ACTIVE" } }),
      createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } }),
    ]);
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: people.map((c) => c.id), by: ADA });
    const { batches, total } = await listHistoryBatches(db.prisma, { companyId, ...page });
    const row = batches.find((b) => b.id === off.batchId)!;
    expect(row).toMatchObject({
      actor: { name: "Ada Admin" },
      reason: "Crew demobilized",
      counts: [{ action: "contact.inactivated", count: 3 }],
      projectCount: 3,
      undoneAt: null,
    });
    // The factories' creations are batches too; the inactivation is the newest.
    expect(batches[0]!.id).toBe(off.batchId);
    expect(total).toBe(batches.length);
  });

  test("an action filter keeps the batches holding such an event; another company's batches never show", async () => {
    const { companyId, p } = await company();
    const other = await company();
    const a = await createContact(db.prisma, companyId, { projects: { [p[0]]: "ACTIVE" } });
    const b = await createContact(db.prisma, other.companyId, { projects: { [other.p[0]]: "ACTIVE" } });
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: [a.id], by: ADA });
    await inactivateContacts(db.prisma, { companyId: other.companyId, contactIds: [b.id], by: ADA });
    const on = await reactivateContacts(db.prisma, { companyId, contactIds: [a.id], by: { ...ADA, reason: null } });

    const reactivated = await listHistoryBatches(db.prisma, { companyId, action: "contact.reactivated", ...page });
    expect(reactivated.batches.map((b) => b.id)).toEqual([on.batchId]);
    expect(reactivated.total).toBe(1);
    const inactivated = await listHistoryBatches(db.prisma, { companyId, action: "contact.inactivated", ...page });
    expect(inactivated.batches.map((b) => b.id)).toEqual([off.batchId]);
  });

  test("a row expands to its contacts a hundred at a time, and only within its company", async () => {
    const { companyId } = await company();
    const people = [];
    for (let i = 0; i < 105; i++) people.push(await createContact(db.prisma, companyId, { lastName: `Crew ${i}` }));
    const off = await inactivateContacts(db.prisma, { companyId, contactIds: people.map((c) => c.id), by: ADA });
    const first = await listBatchEvents(db.prisma, { companyId, batchId: off.batchId!, page: 1 });
    const second = await listBatchEvents(db.prisma, { companyId, batchId: off.batchId!, page: 2 });
    expect(first.total).toBe(105);
    expect(first.items).toHaveLength(100);
    expect(second.items).toHaveLength(5);
    expect(new Set([...first.items, ...second.items].map((i) => i.contact.id)).size).toBe(105);
    expect(first.items[0]!.action).toBe("contact.inactivated");
    const elsewhere = await company();
    const foreign = await listBatchEvents(db.prisma, {
      companyId: elsewhere.companyId,
      batchId: off.batchId!,
      page: 1,
    });
    expect(foreign).toEqual({ items: [], total: 0 });
  });
});
