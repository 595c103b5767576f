import { duplicateGroupsSql, findDuplicateGroupRows, findDuplicateGroups } from "@/server/contacts/find-duplicate-groups";
import { openScriptDatabase } from "./open-script-database";
const { db } = openScriptDatabase();
const companyId = "205ea0d7-2ecd-4e42-9402-f78112659ef8";
const options = { companyId, page: 1, perPage: 20 };
const g = duplicateGroupsSql(options);
const t = async (name: string, f: () => Promise<unknown>) => {
  const s = performance.now();
  await f();
  console.log(name, Math.round(performance.now() - s));
};
for (let i = 0; i < 3; i++) {
  await t("floor", () => db.sql.query(g.text, g.values));
  await t("rows", () => findDuplicateGroupRows(db.prisma, options));
  await t("full", () => findDuplicateGroups(db.prisma, options));
}
await db.close();
