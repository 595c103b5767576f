import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as usersRoute from "@/app/api/v1/companies/[companyId]/users/route";
import * as userRoute from "@/app/api/v1/companies/[companyId]/users/[userId]/route";
import * as resendRoute from "@/app/api/v1/companies/[companyId]/users/[userId]/resend_invitation/route";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/users/bulk_inactivate/route";
import * as reactivateRoute from "@/app/api/v1/companies/[companyId]/users/bulk_reactivate/route";
import * as invitationRoute from "@/app/api/v1/companies/[companyId]/invitations/[invitationId]/route";
import * as projectsRoute from "@/app/api/v1/companies/[companyId]/projects/route";
import { INACTIVE_TOKEN } from "@/server/api/authenticate";
import {
  bulkUsersResultSchema,
  revokeInvitationResultSchema,
  userPageSchema,
  userSchema,
} from "@/server/api/user-schemas";
import type { Database } from "@/server/db/open-database";
import { callApi, closeApiTestDatabase, expectError, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createProject, createUserWithToken } from "../helpers/factories";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

describe.each(TEST_DATABASES)("the users API, on %s", (kind) => {
  let db: Database;
  let smtp: TestSmtpServer;
  let companyId: string;
  let admin: Awaited<ReturnType<typeof createUserWithToken>>;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    companyId = (await createCompany(db.prisma)).id;
    admin = await createUserWithToken(db.prisma, companyId, "ADMIN");
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
    await closeApiTestDatabase(db);
  });

  const as = (token = admin.token) => ({ params: { companyId }, token });

  test("invite, list by status, resend, revoke: the whole invitation through the API", async () => {
    const address = `api-${Date.now()}@example.com`;
    const invited = expectSuccess(
      await callApi(usersRoute.POST, {
        ...as(),
        body: { name: "Ivy Invite", email: address.toUpperCase(), level: "standard" },
      }),
      userSchema,
      201,
    );
    expect(invited).toMatchObject({
      name: "Ivy Invite",
      email: address,
      level: "standard",
      status: "invited",
      lastSignInAt: null,
    });
    expect(invited.invitedAt).not.toBeNull();
    expect((await smtp.latest(address)).subject).toMatch(/You're invited to/);

    const page = expectSuccess(
      await callApi(usersRoute.GET, { ...as(), query: { status: "invited", q: "ivy" } }),
      userPageSchema,
    );
    expect(page.data.map((u) => u.id)).toEqual([invited.id]);
    expect(page.total).toBe(1);

    expectError(
      await callApi(usersRoute.POST, { ...as(), body: { name: "Again", email: address, level: "admin" } }),
      409,
      "conflict",
    );

    const resent = expectSuccess(
      await callApi(resendRoute.POST, {
        params: { companyId, userId: invited.id.toUpperCase() },
        token: admin.token,
        method: "POST",
      }),
      userSchema,
    );
    expect(resent.status).toBe("invited");
    expect(smtp.to(address)).toHaveLength(2);

    const revoked = expectSuccess(
      await callApi(invitationRoute.DELETE, {
        params: { companyId, invitationId: resent.invitationId! },
        token: admin.token,
        method: "DELETE",
      }),
      revokeInvitationResultSchema,
    );
    expect(revoked.userId).toBe(invited.id);
    expectError(
      await callApi(invitationRoute.DELETE, {
        params: { companyId, invitationId: resent.invitationId! },
        token: admin.token,
        method: "DELETE",
      }),
      404,
      "not_found",
    );
  });

  test("PATCH sets company and project levels together, or nothing when one is refused", async () => {
    const project = await createProject(db.prisma, companyId);
    const user = await createUserWithToken(db.prisma, companyId, "READ_ONLY");
    const updated = expectSuccess(
      await callApi(userRoute.PATCH, {
        params: { companyId, userId: user.user.id },
        token: admin.token,
        method: "PATCH",
        body: { level: "standard", projectLevels: [{ projectId: project.id, level: "admin" }] },
      }),
      userSchema,
    );
    expect(updated).toMatchObject({ level: "standard", projectLevels: [{ projectId: project.id, level: "admin" }] });
    // Demoting the only Admin along with a project change: refused, and the project change is not kept either.
    expectError(
      await callApi(userRoute.PATCH, {
        params: { companyId, userId: admin.user.id },
        token: admin.token,
        method: "PATCH",
        body: { projectLevels: [{ projectId: project.id, level: "read_only" }], level: "standard" },
      }),
      409,
      "conflict",
    );
    expect(await db.prisma.projectPermission.count({ where: { companyId, userId: admin.user.id } })).toBe(0);
    expectError(
      await callApi(userRoute.PATCH, {
        params: { companyId, userId: user.user.id },
        token: admin.token,
        method: "PATCH",
        body: {},
      }),
      400,
      "validation_error",
    );
  });

  test("bulk inactivate refuses an inactive user's token with a clear message; bulk reactivate brings it back", async () => {
    const user = await createUserWithToken(db.prisma, companyId, "STANDARD");
    const result = expectSuccess(
      await callApi(inactivateRoute.POST, { ...as(), body: { userIds: [user.user.id, user.user.id], reason: "Left" } }),
      bulkUsersResultSchema,
    );
    expect(result).toMatchObject({ changed: 1, skipped: [] });
    const refused = expectError(await callApi(projectsRoute.GET, as(user.token)), 401, "unauthorized");
    expect(refused.message).toBe(INACTIVE_TOKEN);
    const again = expectSuccess(
      await callApi(inactivateRoute.POST, { ...as(), body: { userIds: [user.user.id] } }),
      bulkUsersResultSchema,
    );
    expect(again).toEqual({ batchId: null, changed: 0, skipped: [{ id: user.user.id, reason: "already inactive" }] });
    expectSuccess(
      await callApi(reactivateRoute.POST, { ...as(), body: { userIds: [user.user.id] } }),
      bulkUsersResultSchema,
    );
    expect((await callApi(projectsRoute.GET, as(user.token))).status).toBe(200);
  });

  test("abuse: a lower role, another company's ids, the caller themselves, too many ids", async () => {
    const standard = await createUserWithToken(db.prisma, companyId, "STANDARD");
    expectError(await callApi(usersRoute.GET, as(standard.token)), 403, "forbidden");
    expectError(
      await callApi(usersRoute.POST, {
        ...as(standard.token),
        body: { name: "X", email: "x@example.com", level: "admin" },
      }),
      403,
      "forbidden",
    );
    const other = (await createCompany(db.prisma)).id;
    const stranger = await createUserWithToken(db.prisma, other, "READ_ONLY");
    expectError(
      await callApi(inactivateRoute.POST, { ...as(), body: { userIds: [stranger.user.id] } }),
      404,
      "not_found",
    );
    expectError(
      await callApi(userRoute.PATCH, {
        params: { companyId, userId: stranger.user.id },
        token: admin.token,
        method: "PATCH",
        body: { level: "admin" },
      }),
      404,
      "not_found",
    );
    expectError(await callApi(inactivateRoute.POST, { ...as(), body: { userIds: [admin.user.id] } }), 409, "conflict");
    const many = Array.from({ length: 1001 }, () => crypto.randomUUID());
    expectError(await callApi(inactivateRoute.POST, { ...as(), body: { userIds: many } }), 400, "validation_error");
    expectError(
      await callApi(usersRoute.POST, {
        ...as(),
        body: { name: "Bad\u0007Name", email: "bad@example.com", level: "admin" },
      }),
      400,
      "validation_error",
    );
  });
});
