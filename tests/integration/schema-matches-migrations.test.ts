import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/open-database";
import { openTestDatabase, TEST_DATABASES } from "../helpers/database";
import { actualShape, expectedShape, readDatamodel, type SchemaShape } from "../helpers/schema-shape";

// Prisma's schema engine (`prisma migrate diff`) needs the network here, so the
// migrations are checked against schema.prisma by comparing catalogs ourselves.
const expected = expectedShape(
  readDatamodel(readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8")),
);

describe.each(TEST_DATABASES)("schema.prisma and the migrations on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("describe the same tables, columns, keys, indexes and enums", async () => {
    expect(await actualShape(db.sql)).toEqual(expected);
  });

  it("keep a company's name unique ignoring case and surrounding spaces, among companies not merged away", async () => {
    const rows = await db.sql.query<{ def: string }>(
      `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relname = 'Vendor_companyId_name_key'`,
    );
    expect(rows.map((r) => r.def.replace(/public\./g, ""))).toEqual([
      `CREATE UNIQUE INDEX "Vendor_companyId_name_key" ON "Vendor" USING btree ("companyId", lower(btrim(name))) WHERE (status <> 'MERGED'::"VendorStatus")`,
    ]);
  });
});

describe("the schema comparison", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await db?.close();
  });

  class Rollback extends Error {}

  /** The database's shape with `ddl` applied, then rolled back. */
  async function shapeWith(ddl: string): Promise<SchemaShape> {
    let shape: SchemaShape | undefined;
    await db.sql
      .transaction(async (tx) => {
        await tx.exec(ddl);
        shape = await actualShape(tx);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return shape!;
  }

  it.each([
    ["an extra column", `ALTER TABLE "Contact" ADD COLUMN "extra" text`],
    ["a missing index", `DROP INDEX "Contact_companyId_vendorId_idx"`],
    ["a renamed index", `ALTER INDEX "Project_companyId_name_idx" RENAME TO "Project_name_idx"`],
    ["a wrong nullability", `ALTER TABLE "Contact" ALTER COLUMN "email" SET NOT NULL`],
    ["a wrong default", `ALTER TABLE "Contact" ALTER COLUMN "isEmployee" SET DEFAULT true`],
    ["a wrong type", `ALTER TABLE "Vendor" ALTER COLUMN "trade" TYPE varchar(80)`],
    [
      "a search index of another method",
      `DROP INDEX "Contact_companyId_searchText_idx";
       CREATE INDEX "Contact_companyId_searchText_idx" ON "Contact" USING gist ("searchText" gist_trgm_ops)`,
    ],
    [
      "a search index with another operator class",
      `DROP INDEX "Contact_companyId_searchText_idx";
       CREATE INDEX "Contact_companyId_searchText_idx" ON "Contact" USING gin ("companyId", "searchText")`,
    ],
    [
      "a btree index with a non-default operator class",
      `DROP INDEX "Project_companyId_name_idx";
       CREATE INDEX "Project_companyId_name_idx" ON "Project" ("companyId", name text_pattern_ops)`,
    ],
    ["a plain column where a generated one belongs", `ALTER TABLE "Contact" ALTER COLUMN "searchText" DROP EXPRESSION`],
    ["an extra enum value", `ALTER TYPE "ContactStatus" ADD VALUE 'ARCHIVED'`],
    [
      "a wrong foreign key action",
      `ALTER TABLE "Vendor" DROP CONSTRAINT "Vendor_companyId_fkey",
       ADD CONSTRAINT "Vendor_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    ],
  ])("fails on %s", async (_, ddl) => {
    expect(await shapeWith(ddl)).not.toEqual(expected);
    expect(await actualShape(db.sql)).toEqual(expected);
  });

  it("ignores what schema.prisma cannot express", async () => {
    expect(
      await shapeWith(`ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_trade_not_blank" CHECK (btrim("trade") <> '')`),
    ).toEqual(expected);
  });
});
