// npm run db:seed                      the demo companies and users (safe to run twice)
// npm run db:seed -- --contacts 100000 --projects 1500 --memberships 1000000
//                                      also a large company, for benchmarks and load tests
import { parseArgs } from "node:util";
import { migrate } from "@/server/db/migrate";
import { DEMO_USERS } from "@/server/demo/demo-company";
import { seedDemoData } from "@/server/demo/seed-demo-data";
import { findLargeCompany, seedLargeCompany } from "@/server/demo/seed-large-company";
import { openScriptDatabase } from "./open-script-database";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string" },
    projects: { type: "string", default: "1500" },
    memberships: { type: "string" },
  },
});

const { db, where } = openScriptDatabase();
try {
  await migrate(db.sql);
  const result = await seedDemoData(db.prisma);
  console.log(
    result.seeded
      ? `Seeded the demo companies into ${where}: /companies/${result.companyId}/directory/contacts`
      : `The demo data is already in ${where}; nothing changed.`,
  );
  if (args.contacts) {
    const contacts = Number(args.contacts);
    const spec = { contacts, projects: Number(args.projects), memberships: Number(args.memberships ?? contacts * 10) };
    const already = await findLargeCompany(db.sql, contacts);
    const started = performance.now();
    const companyId = await seedLargeCompany(db.sql, spec, (phase, done, total) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r${phase.padEnd(12)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`,
      );
      if (done === total) process.stderr.write("\n");
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // The demo admin, where the demo data is in, can open it (once, however often this runs).
    const admin = await db.prisma.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } });
    if (admin) {
      await db.prisma.companyMember.upsert({
        where: { companyId_userId: { companyId, userId: admin.id } },
        create: { companyId, userId: admin.id, directoryLevel: "ADMIN" },
        update: {},
      });
    }
    console.log(
      already
        ? `A company of ${contacts.toLocaleString("en-US")} contacts is already in ${where}; nothing changed: /companies/${companyId}/directory/contacts`
        : `Seeded a company of ${contacts.toLocaleString("en-US")} contacts in ${seconds} s: /companies/${companyId}/directory/contacts`,
    );
  }
} finally {
  await db.close();
}
