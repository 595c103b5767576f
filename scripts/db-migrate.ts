import { migrate } from "@/server/db/migrate";
import { openScriptDatabase } from "./open-script-database";

const { db, where } = openScriptDatabase();
try {
  const applied = await migrate(db.sql);
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}` : `${where} is up to date`);
} finally {
  await db.close();
}
