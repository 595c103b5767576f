import { describe, expect, it } from "vitest";
import { captureDir, readCapturedStatements } from "../helpers/sql-capture";
import { routingProblems, tenantTables } from "../helpers/statement-routing";

/**
 * Reviewed statements that read or write more than one company's rows, each with why that
 * is right. On Citus they fan out to every shard (or run on the coordinator), which these
 * few, rare or sign-in-time statements can afford. Matched by a fragment of their text.
 */
const CROSS_COMPANY: { fragment: RegExp; reason: string }[] = [
  {
    // src/server/companies/list-user-companies.ts
    fragment:
      /^SELECT "public"\."Company"\."id", "public"\."Company"\."name" FROM "public"\."Company" WHERE EXISTS\(SELECT "t0"\."companyId" FROM "public"\."CompanyMember" AS "t0" WHERE \("t0"\."userId" = \$1 /,
    reason:
      "The companies a user belongs to (the company list after sign-in and GET /api/v1/companies): one user's memberships across companies, read once per visit.",
  },
];

describe("every statement the integration suite sent", () => {
  it("could be routed to one company's shard, or is a reviewed cross-company statement", async () => {
    expect(
      captureDir(),
      "Run the whole Vitest suite (npm run test:vitest): this check reads what the integration project sent.",
    ).toBeDefined();
    const statements = readCapturedStatements();
    // The suite exercises every domain module; far fewer statements means the capture broke.
    expect(statements.length).toBeGreaterThan(300);
    const tenants = tenantTables();
    const unrouted: string[] = [];
    for (const statement of statements) {
      const problems = await routingProblems(statement, tenants);
      if (problems.length === 0 || CROSS_COMPANY.some((c) => c.fragment.test(statement))) continue;
      unrouted.push(`${problems.join("; ")}\n    ${statement}`);
    }
    expect(unrouted, `${unrouted.length} statements cannot be routed by companyId:\n${unrouted.join("\n")}`).toEqual(
      [],
    );
  });
});
