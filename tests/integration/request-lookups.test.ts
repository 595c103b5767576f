import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import { INACTIVE_TOKEN } from "@/server/api/authenticate";
import { verifyApiToken } from "@/server/auth/api-tokens";
import type { CapturedQuery, Database } from "@/server/db/open-database";
import { loadMembership } from "@/server/permissions/actor";
import { callApi, closeApiTestDatabase, expectError, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createProject, createUserWithToken } from "../helpers/factories";

// What every signed-in page and every API call reads before its own work: the member, the
// company and the grants in one statement, the token in one more.
describe.each(TEST_DATABASES)("a request's own lookups on %s", (kind) => {
  let db: Database;
  let companyId: string;
  let companyName: string;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    const company = await createCompany(db.prisma);
    companyId = company.id;
    companyName = company.name;
  });
  afterAll(() => closeApiTestDatabase(db));

  test("the membership, the company's name and the project grants come back in one statement", async () => {
    const project = await createProject(db.prisma, companyId);
    const { user } = await createUserWithToken(db.prisma, companyId, "READ_ONLY", { [project.id]: "ADMIN" });
    const statements: CapturedQuery[] = [];
    const membership = await loadMembership(
      db.capturingPrisma((q) => statements.push(q)),
      { userId: user.id, companyId },
    );
    expect(statements).toHaveLength(1);
    expect(membership).toMatchObject({ status: "ACTIVE", company: { id: companyId, name: companyName } });
    expect(membership!.actor).toMatchObject({ userId: user.id, name: user.name, companyLevel: "READ_ONLY" });
    expect([...membership!.actor!.projectLevels]).toEqual([[project.id, "ADMIN"]]);
  });

  test("an inactive member has a membership but no actor; another company's user has none", async () => {
    const { user } = await createUserWithToken(db.prisma, companyId, "STANDARD");
    await db.prisma.companyMember.updateMany({ where: { companyId, userId: user.id }, data: { status: "INACTIVE" } });
    expect(await loadMembership(db.prisma, { userId: user.id, companyId })).toMatchObject({
      status: "INACTIVE",
      actor: null,
    });
    const other = await createCompany(db.prisma);
    expect(await loadMembership(db.prisma, { userId: user.id, companyId: other.id })).toBeNull();
  });

  test("a token notes its last use at most once a minute, and a revoked one opens nothing", async () => {
    const { user, token } = await createUserWithToken(db.prisma, companyId, "STANDARD");
    const lastUsed = async () =>
      (await db.prisma.apiToken.findFirst({ where: { userId: user.id }, select: { lastUsedAt: true } }))!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    expect(await verifyApiToken(db.prisma, token)).toEqual({ userId: user.id, companyId });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await verifyApiToken(db.prisma, token);
    expect(await lastUsed()).toEqual(first);
    // Over a minute ago: the next call writes it again.
    await db.prisma.apiToken.updateMany({
      where: { userId: user.id },
      data: { lastUsedAt: new Date(Date.now() - 120_000) },
    });
    await verifyApiToken(db.prisma, token);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await db.prisma.apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect(await verifyApiToken(db.prisma, token)).toBeNull();
  });

  test("an inactive member's token is refused with 401 on its company, another company and a malformed id", async () => {
    const { user, token } = await createUserWithToken(db.prisma, companyId, "ADMIN");
    await db.prisma.companyMember.updateMany({ where: { companyId, userId: user.id }, data: { status: "INACTIVE" } });
    const other = await createCompany(db.prisma);
    for (const id of [companyId, companyId.toUpperCase(), other.id, "not-a-uuid"]) {
      const error = expectError(
        await callApi(contactsRoute.GET, { params: { companyId: id }, token }),
        401,
        "unauthorized",
      );
      expect(error.message).toBe(INACTIVE_TOKEN);
    }
  });

  test("an active member's token on another company is a 404, as if it did not exist", async () => {
    const { token } = await createUserWithToken(db.prisma, companyId, "ADMIN");
    const other = await createCompany(db.prisma);
    expectError(await callApi(contactsRoute.GET, { params: { companyId: other.id }, token }), 404, "not_found");
    expect((await callApi(contactsRoute.GET, { params: { companyId }, token })).status).toBe(200);
  });
});
