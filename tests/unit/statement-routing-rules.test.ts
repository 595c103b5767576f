import { describe, expect, it } from "vitest";
import { routingProblems } from "../helpers/statement-routing";

const tenants = new Set(["Contact", "ProjectContact", "Project", "ChangeBatch"]);
const check = (sql: string) => routingProblems(sql, tenants);

describe("the statement-routing rules", () => {
  it("accept a tenant table read with an equality on companyId, cast or not", async () => {
    expect(await check(`SELECT * FROM "Contact" WHERE "companyId" = $1 AND status = 'ACTIVE'`)).toEqual([]);
    expect(await check(`SELECT * FROM "Contact" c WHERE c."companyId" = $1::uuid`)).toEqual([]);
  });

  it("refuse a tenant table read by id alone, or by companyId inside an OR or an ANY", async () => {
    expect(await check(`SELECT * FROM "Contact" WHERE id = $1`)).toEqual([
      `"Contact" is read or written without an equality on its "companyId"`,
    ]);
    expect(await check(`SELECT * FROM "Contact" WHERE "companyId" = $1 OR id = $2`)).toHaveLength(1);
    expect(await check(`SELECT * FROM "Contact" WHERE "companyId" = ANY($1)`)).toHaveLength(1);
  });

  it("accept a join whose tables share the pinned company, and refuse one that does not", async () => {
    const joined = `SELECT c.id FROM "Contact" c JOIN "ProjectContact" pc ON pc."companyId" = c."companyId" AND pc."contactId" = c.id WHERE c."companyId" = $1`;
    expect(await check(joined)).toEqual([]);
    const loose = `SELECT c.id FROM "Contact" c JOIN "ProjectContact" pc ON pc."contactId" = c.id WHERE c."companyId" = $1`;
    expect(await check(loose)).toEqual([`"ProjectContact" is read or written without an equality on its "companyId"`]);
  });

  it("accept row comparisons position by position, as Prisma joins composite keys", async () => {
    const sql = `SELECT 1 FROM "ProjectContact" LEFT JOIN "Project" AS "o" ON ("o"."companyId","o"."id") = ("ProjectContact"."companyId","ProjectContact"."projectId") WHERE "ProjectContact"."companyId" = $1`;
    expect(await check(sql)).toEqual([]);
  });

  it("let a correlated subquery take its company from the enclosing query, but not a shadowing alias", async () => {
    const correlated = `SELECT c.id, (SELECT count(*) FROM "ProjectContact" pc WHERE pc."companyId" = c."companyId") FROM "Contact" c WHERE c."companyId" = $1`;
    expect(await check(correlated)).toEqual([]);
    const uncorrelated = `SELECT c.id FROM "Contact" c WHERE c."companyId" = $1 AND EXISTS (SELECT 1 FROM "ProjectContact" pc WHERE pc."contactId" = c.id)`;
    expect(await check(uncorrelated)).toHaveLength(1);
  });

  it("check each CTE and the statement that uses it, and an UPDATE and a DELETE like a SELECT", async () => {
    const cte = `WITH moved AS (UPDATE "ProjectContact" SET status = 'INACTIVE' WHERE "companyId" = $1 RETURNING "contactId") SELECT count(*) FROM moved`;
    expect(await check(cte)).toEqual([]);
    expect(await check(`UPDATE "Contact" SET status = 'INACTIVE' WHERE id = $1`)).toHaveLength(1);
    expect(await check(`DELETE FROM "ChangeBatch" WHERE "createdAt" < now()`)).toHaveLength(1);
  });

  it("accept an INSERT that names companyId, refuse one that does not, and check what it inserts from", async () => {
    expect(await check(`INSERT INTO "Contact" ("companyId", "firstName") VALUES ($1, $2)`)).toEqual([]);
    expect(await check(`INSERT INTO "Contact" ("firstName") VALUES ($1)`)).toEqual([
      `INSERT INTO "Contact" does not name "companyId"`,
    ]);
    const fromSelect = `INSERT INTO "ProjectContact" ("companyId", "contactId") SELECT "companyId", id FROM "Contact" WHERE "vendorId" = $1`;
    expect(await check(fromSelect)).toHaveLength(1);
  });

  it("pin the Company table by its id, and leave global tables alone", async () => {
    expect(await check(`SELECT name FROM "Company" WHERE id = $1`)).toEqual([]);
    expect(await check(`SELECT name FROM "Company"`)).toEqual([`"Company" is read without an equality on its id`]);
    expect(await check(`SELECT * FROM "User" WHERE email = $1`)).toEqual([]);
    expect(await check(`BEGIN`)).toEqual([]);
  });
});

describe("an OR in the statement-routing rules", () => {
  it("pins a table when every branch has the equality, as Prisma batches findUnique calls", async () => {
    const batched = `SELECT 1 FROM "Contact" WHERE (("Contact"."companyId" = $1 AND "Contact".id = $2) OR ("Contact"."companyId" = $3 AND "Contact".id = $4))`;
    expect(await check(batched)).toEqual([]);
    const oneBranch = `SELECT 1 FROM "Contact" WHERE (("Contact"."companyId" = $1 AND "Contact".id = $2) OR "Contact".id = $3)`;
    expect(await check(oneBranch)).toHaveLength(1);
  });
});
