import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import * as projectsRoute from "@/app/api/v1/companies/[companyId]/projects/route";
import type { Database } from "@/server/db/open-database";
import { CANNOT_INACTIVATE_SELF, LAST_ADMIN_INACTIVATE, changeUserStatus } from "@/server/users/change-user-status";
import { listUserHistory } from "@/server/users/list-user-history";
import { LAST_ADMIN, setDirectoryPermission } from "@/server/users/set-directory-permission";
import { callApi, closeApiTestDatabase, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createProject, createUserWithToken } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

describe.each(TEST_DATABASES)("inactive users, on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
  });
  afterAll(() => closeApiTestDatabase(db));

  async function company() {
    const { id: companyId } = await createCompany(db.prisma);
    const admin = await createUserWithToken(db.prisma, companyId, "ADMIN");
    return { companyId, by: { actorId: admin.user.id, actorName: "Ada Admin" } };
  }
  const status = (companyId: string, userId: string) =>
    db.prisma.companyMember
      .findUniqueOrThrow({ where: { companyId_userId: { companyId, userId } }, select: { status: true } })
      .then((m) => m.status);

  test("an inactivated user's open session and API token are refused on their next request, in this company only", async () => {
    const { companyId, by } = await company();
    const project = await createProject(db.prisma, companyId);
    const { userId, email } = await createUserWithPassword(db.prisma, companyId, "STANDARD", { [project.id]: "ADMIN" });
    const other = (await createCompany(db.prisma)).id;
    await db.prisma.companyMember.create({ data: { companyId: other, userId, directoryLevel: "READ_ONLY" } });
    const cookie = await signIn(db.prisma, email);
    const { token } = await createUserWithToken(db.prisma, companyId, "READ_ONLY");
    const tokenUser = await db.prisma.apiToken.findFirstOrThrow({
      where: { companyId },
      orderBy: { createdAt: "desc" },
    });
    const asSession = () =>
      callApi(projectsRoute.GET, { params: { companyId }, token: null, headers: { cookie } }).then((r) => r.status);
    const asToken = () => callApi(projectsRoute.GET, { params: { companyId }, token }).then((r) => r.status);
    expect([await asSession(), await asToken()]).toEqual([200, 200]);

    const result = await changeUserStatus(db.prisma, {
      companyId,
      userIds: [userId, tokenUser.userId],
      to: "INACTIVE",
      by: { ...by, reason: "Left the company" },
    });
    expect(result.changed.sort()).toEqual([userId, tokenUser.userId].sort());
    expect([await asSession(), await asToken()]).toEqual([404, 401]);
    // Their other company still opens for them.
    const companies = await callApi(companiesRoute.GET, { token: null, headers: { cookie } });
    expect((companies.body as { data: { id: string }[] }).data.map((c) => c.id)).toEqual([other]);
    // Grants are kept, so reactivation restores exactly what they had.
    expect(await db.prisma.projectPermission.count({ where: { companyId, userId } })).toBe(1);
    await changeUserStatus(db.prisma, { companyId, userIds: [userId, tokenUser.userId], to: "ACTIVE", by });
    expect([await asSession(), await asToken()]).toEqual([200, 200]);
    const member = await db.prisma.companyMember.findUniqueOrThrow({
      where: { companyId_userId: { companyId, userId } },
    });
    expect(member.directoryLevel).toBe("STANDARD");
    expect(
      await db.prisma.projectPermission.findFirst({ where: { companyId, userId }, select: { level: true } }),
    ).toEqual({
      level: "ADMIN",
    });

    const events = await db.prisma.userEvent.findMany({ where: { companyId, userId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.changes])).toEqual([
      ["user.inactivated", { status: { from: "ACTIVE", to: "INACTIVE" } }],
      ["user.reactivated", { status: { from: "INACTIVE", to: "ACTIVE" } }],
    ]);
    const batch = await db.prisma.changeBatch.findFirstOrThrow({
      where: { companyId, id: events[0]!.batchId },
      select: { action: true, reason: true, actorName: true },
    });
    expect(batch).toEqual({ action: "users.inactivate", reason: "Left the company", actorName: "Ada Admin" });
    // The Change History's User changes read the same events, newest first, with who and why.
    const history = await listUserHistory(db.prisma, { companyId, userId });
    expect(history.map((h) => [h.action, h.actor.name, h.reason])).toEqual([
      ["user.reactivated", "Ada Admin", null],
      ["user.inactivated", "Ada Admin", "Left the company"],
    ]);
  });

  test("an Admin cannot inactivate themselves, and the last active Admin cannot be inactivated", async () => {
    const { companyId, by } = await company();
    await expect(changeUserStatus(db.prisma, { companyId, userIds: [by.actorId], to: "INACTIVE", by })).rejects.toThrow(
      CANNOT_INACTIVATE_SELF,
    );
    const second = await createUserWithToken(db.prisma, companyId, "ADMIN");
    // The other admin tries to take the only two Admins out at once: refused, nothing changes.
    await expect(
      changeUserStatus(db.prisma, {
        companyId,
        userIds: [by.actorId],
        to: "INACTIVE",
        by: { actorId: second.user.id, actorName: "Second" },
      }).then(() => changeUserStatus(db.prisma, { companyId, userIds: [second.user.id], to: "INACTIVE", by })),
    ).rejects.toThrow(/inactivate yourself|active Directory Admin/);
    expect(await status(companyId, second.user.id)).toBe("ACTIVE");
    // An inactive Admin is no Admin: the active one cannot be demoted now.
    await expect(
      setDirectoryPermission(db.prisma, {
        companyId,
        userId: second.user.id,
        level: "STANDARD",
        by: { actorId: by.actorId, actorName: "Ada" },
      }),
    ).rejects.toThrow(LAST_ADMIN);
  });

  test("two Admins inactivating each other at the same moment: one succeeds, one active Admin remains (10 tries)", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const { companyId, by } = await company();
      const other = await createUserWithToken(db.prisma, companyId, "ADMIN");
      const otherBy = { actorId: other.user.id, actorName: "Other" };
      const outcomes = await Promise.allSettled([
        changeUserStatus(db.prisma, { companyId, userIds: [other.user.id], to: "INACTIVE", by }),
        changeUserStatus(db.prisma, { companyId, userIds: [by.actorId], to: "INACTIVE", by: otherBy }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({
        reason: { message: LAST_ADMIN_INACTIVATE },
      });
      expect(
        await db.prisma.companyMember.count({ where: { companyId, status: "ACTIVE", directoryLevel: "ADMIN" } }),
      ).toBe(1);
    }
  });

  test("a demotion racing an inactivation of the other Admin cannot leave the company without an active Admin (10 tries)", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const { companyId, by } = await company();
      const other = await createUserWithToken(db.prisma, companyId, "ADMIN");
      const outcomes = await Promise.allSettled([
        changeUserStatus(db.prisma, { companyId, userIds: [other.user.id], to: "INACTIVE", by }),
        setDirectoryPermission(db.prisma, {
          companyId,
          userId: by.actorId,
          level: "READ_ONLY",
          by: { actorId: other.user.id, actorName: "Other" },
        }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(
        await db.prisma.companyMember.count({ where: { companyId, status: "ACTIVE", directoryLevel: "ADMIN" } }),
      ).toBe(1);
    }
  });

  test("ids of another company's users, or upper-cased, change nothing here", async () => {
    const { companyId, by } = await company();
    const elsewhere = await company();
    const stranger = await createUserWithToken(db.prisma, elsewhere.companyId, "READ_ONLY");
    await expect(
      changeUserStatus(db.prisma, { companyId, userIds: [stranger.user.id], to: "INACTIVE", by }),
    ).rejects.toThrow(/not in this company/);
    expect(await status(elsewhere.companyId, stranger.user.id)).toBe("ACTIVE");
    expect(await db.prisma.changeBatch.count({ where: { companyId, action: "users.inactivate" } })).toBe(0);
  });
});
