import { migrate } from "@/server/db/migrate";
import { openDatabase } from "@/server/db/open-database";
import { startCapture } from "./sql-capture";

/** Migrates the PostgreSQL test database once, before any test file opens it. */
export default async function setup() {
  startCapture();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log("TEST_DATABASE_URL is not set: integration tests run on embedded PGlite only.");
    return;
  }
  const db = openDatabase({ kind: "postgres", url });
  try {
    await migrate(db.sql);
  } finally {
    await db.close();
  }
}
