import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/server/db/open-database";
import { largeCompanyName, seedLargeCompany } from "@/server/demo/seed-large-company";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";

describe.each(TEST_DATABASES)("the large-company seed on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  test("writes the asked-for contacts and memberships, each contact on distinct projects, statuses consistent", async () => {
    const steps: string[] = [];
    const companyId = await seedLargeCompany(
      db.sql,
      { contacts: 700, projects: 40, memberships: 3500 },
      (phase, done, total) => steps.push(`${phase} ${done}/${total}`),
    );
    const where = { companyId };
    expect(await db.prisma.contact.count({ where })).toBe(700);
    expect(await db.prisma.project.count({ where })).toBe(40);
    expect(await db.prisma.projectContact.count({ where })).toBe(3500);
    expect(await db.prisma.contact.count({ where: { companyId, status: "INACTIVE" } })).toBe(100);
    // Inactive contacts hold only inactive memberships; active ones only active memberships.
    expect(
      await db.prisma.projectContact.count({ where: { companyId, status: "ACTIVE", contact: { status: "INACTIVE" } } }),
    ).toBe(0);
    expect(
      await db.prisma.projectContact.count({ where: { companyId, status: "INACTIVE", contact: { status: "ACTIVE" } } }),
    ).toBe(0);
    const perContact = await db.sql.query<{ n: number }>(
      `SELECT count(DISTINCT "projectId")::int AS n FROM "ProjectContact" WHERE "companyId" = $1 GROUP BY "contactId"`,
      [companyId],
    );
    expect(new Set(perContact.map((r) => r.n))).toEqual(new Set([5]));
    expect(steps.at(-1)).toBe("memberships 3500/3500");
  });

  test("run again for the same size, finds the company it built and adds nothing", async () => {
    const spec = { contacts: 700, projects: 40, memberships: 3500 };
    const first = await seedLargeCompany(db.sql, spec);
    const again = await seedLargeCompany(db.sql, spec);
    expect(again).toBe(first);
    // Across companies by nature, so read as the seed itself writes: through db.sql, which the routing check does not see.
    const named = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Company" WHERE name = $1`, [
      largeCompanyName(700),
    ]);
    expect(named[0]!.n).toBe(1);
    expect(await db.prisma.contact.count({ where: { companyId: first } })).toBe(700);
  });
});
