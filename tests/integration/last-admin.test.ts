import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/server/db/open-database";
import { LAST_ADMIN, setDirectoryPermission } from "@/server/users/set-directory-permission";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createUserWithToken } from "../helpers/factories";

describe.each(TEST_DATABASES)("a company always keeps an Admin, on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  async function companyWithTwoAdmins() {
    const { id: companyId } = await createCompany(db.prisma);
    const [x, y] = await Promise.all([
      createUserWithToken(db.prisma, companyId, "ADMIN"),
      createUserWithToken(db.prisma, companyId, "ADMIN"),
    ]);
    return { companyId, x: x.user.id, y: y.user.id };
  }
  const admins = (companyId: string) =>
    db.prisma.companyMember.count({ where: { companyId, directoryLevel: "ADMIN" } });

  test("the last Admin cannot be demoted by anyone", async () => {
    const { companyId, x, y } = await companyWithTwoAdmins();
    await setDirectoryPermission(db.prisma, {
      companyId,
      userId: y,
      level: "STANDARD",
      by: { actorId: x, actorName: "Admin" },
    });
    await expect(
      setDirectoryPermission(db.prisma, {
        companyId,
        userId: x,
        level: "READ_ONLY",
        by: { actorId: y, actorName: "Admin" },
      }),
    ).rejects.toThrow(LAST_ADMIN);
    expect(await admins(companyId)).toBe(1);
  });

  test("two Admins demoting each other at the same moment: one succeeds, one Admin remains (20 tries)", async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const { companyId, x, y } = await companyWithTwoAdmins();
      const outcomes = await Promise.allSettled([
        setDirectoryPermission(db.prisma, {
          companyId,
          userId: y,
          level: "STANDARD",
          by: { actorId: x, actorName: "Admin" },
        }),
        setDirectoryPermission(db.prisma, {
          companyId,
          userId: x,
          level: "STANDARD",
          by: { actorId: y, actorName: "Admin" },
        }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { message: LAST_ADMIN } });
      expect(await admins(companyId)).toBe(1);
    }
  });
});
