import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as reactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_reactivate/route";
import * as removeRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/bulk_remove/route";
import { provideDatabase } from "@/server/db/client";
import { openDatabase, type Database } from "@/server/db/open-database";
import { bulkResultSchema, removeContactsResultSchema } from "@/server/api/schemas";
import { callApi, expectSuccess } from "../helpers/api";
import { createCompany, createProject, createUserWithToken } from "../helpers/factories";

const REQUESTS = 50;
const CONTACTS = 300;

/**
 * Two (here fifty) admins changing overlapping sets at the same moment, through the API
 * on PostgreSQL with a real connection pool. PGlite is one connection in one process, so
 * its transactions never overlap: there is nothing to race there.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("concurrent bulk requests on postgres", () => {
  let db: Database;
  beforeAll(async () => {
    db = openDatabase({ kind: "postgres", url: process.env.TEST_DATABASE_URL!, maxConnections: 10 });
    provideDatabase(db.prisma);
  });
  afterAll(async () => {
    provideDatabase(undefined);
    await db?.close();
  });

  test(`${REQUESTS} overlapping inactivate, reactivate and remove requests all succeed, and history and invariants hold`, async () => {
    const company = await createCompany(db.prisma);
    const companyId = company.id;
    const projects = await Promise.all([1, 2, 3].map((n) => createProject(db.prisma, companyId, `Site ${n}`)));
    // Contacts on every project; every other one starts inactive.
    await db.sql.query(
      `INSERT INTO "Contact" ("companyId", "firstName", "lastName", status, "inactivatedAt")
       SELECT $1, 'Crew', 'Member ' || g, CASE WHEN g % 2 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END::"ContactStatus",
              CASE WHEN g % 2 = 0 THEN now() END
       FROM generate_series(1, $2::int) g`,
      [companyId, CONTACTS],
    );
    await db.sql.query(
      `INSERT INTO "ProjectContact" ("companyId", "projectId", "contactId", status)
       SELECT c."companyId", p.id, c.id, CASE WHEN c.status = 'INACTIVE' THEN 'INACTIVE' ELSE 'ACTIVE' END::"MembershipStatus"
       FROM "Contact" c CROSS JOIN "Project" p WHERE c."companyId" = $1 AND p."companyId" = $1`,
      [companyId],
    );
    const ids = (await db.prisma.contact.findMany({ where: { companyId }, select: { id: true } })).map((c) => c.id);
    const { token } = await createUserWithToken(db.prisma, companyId, "ADMIN");

    // Overlapping windows of the same contacts, in shuffled order, so requests collide.
    const requests = Array.from({ length: REQUESTS }, (_, i) => {
      const start = (i * 37) % CONTACTS;
      const window = Array.from({ length: 120 }, (_, k) => ids[(start + k * 7) % CONTACTS]!).reverse();
      const contactIds = [...new Set(window)];
      if (i % 10 === 9) {
        return callApi(removeRoute.POST, {
          params: { companyId, projectId: projects[i % 3]!.id },
          body: { contactIds: contactIds.slice(0, 30) },
          token,
        }).then((r) => ({ kind: "remove" as const, body: expectSuccess(r, removeContactsResultSchema) }));
      }
      const route = i % 2 === 0 ? inactivateRoute : reactivateRoute;
      return callApi(route.POST, { params: { companyId }, body: { contactIds, reason: `request ${i}` }, token }).then(
        (r) => ({
          kind: "status" as const,
          body: expectSuccess(r, bulkResultSchema),
        }),
      );
    });
    const started = performance.now();
    const results = await Promise.all(requests);
    const elapsed = performance.now() - started;

    const statusChanges = results.reduce((n, r) => n + (r.kind === "status" ? r.body.changed : 0), 0);
    const removals = results.reduce((n, r) => n + (r.kind === "remove" ? r.body.removed.length : 0), 0);
    const events = await db.prisma.contactEvent.findMany({
      where: { companyId },
      orderBy: { seq: "asc" },
      select: { contactId: true, action: true, changes: true, createdAt: true },
    });
    // No lost update: every change a response reported is in the history, once.
    expect(events.filter((e) => e.action === "contact.inactivated" || e.action === "contact.reactivated")).toHaveLength(
      statusChanges,
    );
    expect(events.filter((e) => e.action === "contact.removed_from_project")).toHaveLength(removals);
    expect(statusChanges).toBeGreaterThan(REQUESTS);

    // Each contact's history alternates and ends in its current status.
    const contacts = await db.prisma.contact.findMany({ where: { companyId }, select: { id: true, status: true } });
    const last = new Map<string, string>();
    for (const e of events) {
      const status = (e.changes as { status?: { from: string; to: string } }).status;
      if (!status) continue;
      const previous = last.get(e.contactId);
      if (previous) expect(status.from).toBe(previous);
      last.set(e.contactId, status.to);
    }
    for (const c of contacts) {
      if (last.has(c.id)) expect(last.get(c.id)).toBe(c.status);
    }

    // Each contact's history reads in the order the changes were applied: no event is
    // timed before the one applied ahead of it, though their transactions overlapped.
    const previousAt = new Map<string, Date>();
    const outOfOrder: string[] = [];
    for (const e of events) {
      const before = previousAt.get(e.contactId);
      if (before && e.createdAt < before)
        outOfOrder.push(`${e.contactId}: ${e.createdAt.toISOString()} after ${before.toISOString()}`);
      previousAt.set(e.contactId, e.createdAt);
    }
    expect(outOfOrder).toEqual([]);

    // The invariant: an inactive contact has no active membership.
    const [violations] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ProjectContact" pc JOIN "Contact" c ON c.id = pc."contactId"
       WHERE pc."companyId" = $1 AND c.status = 'INACTIVE' AND pc.status = 'ACTIVE'`,
      [companyId],
    );
    expect(violations!.n).toBe(0);
    console.log(
      `Concurrency: ${REQUESTS} overlapping requests (${statusChanges} status changes, ${removals} removals) in ${Math.round(elapsed)} ms on a pool of 10 connections.`,
    );
  });
});
