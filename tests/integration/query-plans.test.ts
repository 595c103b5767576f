import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { changeContactStatus } from "@/server/contacts/change-contact-status";
import { listContacts, type ListContactsOptions } from "@/server/contacts/list-contacts";
import { undoBatch } from "@/server/history/undo-batch";
import { migrate } from "@/server/db/migrate";
import { openDatabase, type CapturedQuery, type Database } from "@/server/db/open-database";
import { seedLargeCompany } from "@/server/demo/seed-large-company";
import { createOwnPostgresDatabase } from "../helpers/database";

// Plans depend on table sizes and statistics, and production runs PostgreSQL: these
// run there only, on a company large enough that a sequential scan would show, in a
// database of their own (the shared test database's statistics change while the other
// files run beside this one, and with them the plans).
const url = process.env.TEST_DATABASE_URL;
const title = "the directory's query plans on PostgreSQL";

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  Alias?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Subplan Name"?: string;
  Plans?: PlanNode[];
};

describe.skipIf(!url)(url ? title : `${title} (skipped: TEST_DATABASE_URL is not set)`, () => {
  let own: Awaited<ReturnType<typeof createOwnPostgresDatabase>>;
  let db: Database;
  let prisma: PrismaClient;
  let companyId: string;
  let projectId: string;
  let captured: CapturedQuery[] = [];

  beforeAll(async () => {
    own = await createOwnPostgresDatabase("query_plans");
    db = openDatabase({ kind: "postgres", url: own.url, maxConnections: 4 });
    prisma = db.capturingPrisma((q) => captured.push(q));
    await migrate(db.sql);
    // 20,000 contacts on 300 projects, 3 each (about 200 a project, 1% as in the large seed), with set-based inserts; the seed ANALYZEs.
    companyId = await seedLargeCompany(db.sql, { contacts: 20_000, projects: 300, memberships: 60_000 });
    [{ id: projectId }] = (await db.sql.query<{ id: string }>(
      `SELECT id FROM "Project" WHERE "companyId" = $1 ORDER BY number LIMIT 1`,
      [companyId],
    )) as [{ id: string }];
    await db.sql.query(
      `WITH v AS (INSERT INTO "Vendor" ("companyId", name) VALUES ($1, 'Zyxwv Electric') RETURNING id)
       UPDATE "Contact" SET "vendorId" = (SELECT id FROM v) WHERE "companyId" = $1 AND "employeeId" LIKE 'E-%777'`,
      [companyId],
    );
    await db.sql.exec(`ANALYZE`);
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    await own?.drop();
  });

  /** The statements listContacts sends for these options. */
  async function statementsOf(options: Partial<ListContactsOptions>) {
    captured = [];
    await listContacts(prisma, {
      companyId,
      status: "ACTIVE",
      q: "",
      sort: "name.asc",
      page: 2,
      perPage: 50,
      ...options,
    });
    const contactQuery = (q: CapturedQuery) => /FROM "public"\."Contact"/.test(q.query);
    return {
      all: captured,
      list: captured.find((q) => contactQuery(q) && /\bLIMIT\b/.test(q.query))!,
      count: captured.find((q) => contactQuery(q) && /COUNT\(/.test(q.query))!,
    };
  }

  /** Every node of the plan PostgreSQL chooses for a captured statement, with its parameters. */
  async function planNodes({ query, params }: CapturedQuery): Promise<PlanNode[]> {
    const [row] = await db.sql.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${query}`, params);
    const nodes: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(node);
      node.Plans?.forEach(walk);
    };
    walk(row!["QUERY PLAN"][0].Plan);
    return nodes;
  }

  const indexesUsed = (nodes: PlanNode[]) => nodes.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : []));

  async function expectNoSeqScanOnDirectoryTables(statements: CapturedQuery[]) {
    for (const statement of statements) {
      const seqScans = (await planNodes(statement)).filter(
        (n) => n["Node Type"] === "Seq Scan" && ["Contact", "ProjectContact"].includes(n["Relation Name"] ?? ""),
      );
      expect(seqScans, statement.query).toEqual([]);
    }
  }

  it("searches with the trigram index, for the page and its count", async () => {
    const { all, list, count } = await statementsOf({ q: "worker1234 garcia", sort: "email.desc" });
    expect(indexesUsed(await planNodes(list))).toContain("Contact_companyId_searchText_idx");
    expect(indexesUsed(await planNodes(count))).toContain("Contact_companyId_searchText_idx");
    await expectNoSeqScanOnDirectoryTables(all);

    // A word that matches a vendor's name: those contacts come from the vendor index, ORed in.
    const withVendor = await statementsOf({ q: "zyxwv", sort: "name.asc" });
    expect(indexesUsed(await planNodes(withVendor.count))).toEqual(
      expect.arrayContaining(["Contact_companyId_searchText_idx", "Contact_companyId_vendorId_idx"]),
    );
    await expectNoSeqScanOnDirectoryTables(withVendor.all);
  });

  it("reads the unsearched Inactive tab in name order from the (companyId, status, lastName, firstName) index", async () => {
    const { all, list } = await statementsOf({ status: "INACTIVE", sort: "name.asc" });
    expect(indexesUsed(await planNodes(list))).toContain("Contact_companyId_status_lastName_firstName_idx");
    await expectNoSeqScanOnDirectoryTables(all);
  });

  it("lists a project's directory through the membership index", async () => {
    const { all, list, count } = await statementsOf({ projectId, sort: "name.asc" });
    expect(indexesUsed(await planNodes(list))).toContain("ProjectContact_companyId_projectId_status_idx");
    expect(indexesUsed(await planNodes(count))).toContain("ProjectContact_companyId_projectId_status_idx");
    await expectNoSeqScanOnDirectoryTables(all);
  });

  it("Undo of a 3,000-contact change asks for each contact's later events by index, even before statistics know of them", async () => {
    // The events are written after the ANALYZE above, as a big change's are before autovacuum
    // gets to them. The self-join this replaced was planned, on the 100,000-contact company
    // whose events the statistics did not know, as one scan of the company's events per
    // event of the batch: 134 s for 9,876 contacts. (Here the planner happened to choose the
    // probe for the self-join too; the correlated subquery is run as a probe by construction.)
    const ids = (
      await db.sql.query<{ id: string }>(
        `SELECT id FROM "Contact" WHERE "companyId" = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 3000`,
        [companyId],
      )
    ).map((r) => r.id);
    const { batchId } = await changeContactStatus(prisma, { companyId, contactIds: ids, to: "INACTIVE" });
    captured = [];
    await undoBatch(prisma, { companyId, batchId: batchId! });
    const check = captured.find((q) => /"ContactEvent" later/.test(q.query))!;
    const later = (await planNodes(check)).filter((n) => n["Relation Name"] === "ContactEvent" && n.Alias === "later");
    expect(later.length).toBeGreaterThan(0);
    for (const node of later) expect(node["Index Cond"]).toMatch(/"contactId" = e\."contactId"/);
    // The memberships it flips back are joined to its list, not matched by a subplan that
    // scans the list again for each membership (28 s for about 100,000 memberships).
    const flip = captured.find((q) => /UPDATE "ProjectContact"/.test(q.query) && /jsonb_to_recordset/.test(q.query))!;
    const subplans = (await planNodes(flip)).flatMap((n) => (n["Subplan Name"] ? [n["Subplan Name"]] : []));
    expect(subplans.filter((name) => !name.startsWith("CTE ") && !name.startsWith("hashed "))).toEqual([]);
  });
});
