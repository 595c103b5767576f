import { migrate } from "@/server/db/migrate";
import { seedDemoData } from "@/server/demo/seed-demo-data";
import { openScriptDatabase } from "./open-script-database";

const { db, where } = openScriptDatabase();
try {
  await migrate(db.sql);
  const result = await seedDemoData(db.prisma);
  console.log(
    result.seeded
      ? `Seeded the demo company into ${where}: /companies/${result.companyId}/directory/contacts`
      : `The demo company is already in ${where}; nothing changed.`,
  );
} finally {
  await db.close();
}
