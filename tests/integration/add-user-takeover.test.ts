import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import { addUserAction } from "@/features/users/actions";
import { companySchema, listOf } from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import { callApi, closeApiTestDatabase, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createUserWithToken } from "../helpers/factories";
import { PASSWORD, createUserWithPassword, signIn } from "../helpers/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

function addUserForm(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries({ level: "ADMIN", ...fields })) data.set(key, value);
  return data;
}

describe.each(TEST_DATABASES)("Add User across companies on %s", (kind) => {
  let db: Database;
  let a: { companyId: string; cookie: string };
  let b: { companyId: string; cookie: string };

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    const adminOf = async () => {
      const { id: companyId } = await createCompany(db.prisma);
      const { email } = await createUserWithPassword(db.prisma, companyId, "ADMIN");
      return { companyId, cookie: await signIn(db.prisma, email) };
    };
    [a, b] = await Promise.all([adminOf(), adminOf()]);
  });
  afterAll(() => closeApiTestDatabase(db));

  test("no admin sets a password: Add User takes none, and refuses a form that sends one", async () => {
    request.headers = new Headers({ cookie: a.cookie });
    const email = `victim-${randomUUID().slice(0, 8)}@example.com`;
    const withPassword = await addUserAction(
      {},
      addUserForm({ companyId: a.companyId, name: "Vic Tim", email, password: "chosen by admin A 123" }),
    );
    expect(withPassword.added).toBeUndefined();
    expect(await db.prisma.user.count({ where: { email } })).toBe(0);

    expect(await addUserAction({}, addUserForm({ companyId: a.companyId, name: "Vic Tim", email }))).toEqual({
      added: `We emailed Vic Tim at ${email}.`,
    });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    // Invited, with no password until the person follows the emailed link.
    expect(await db.prisma.account.count({ where: { userId: user.id } })).toBe(0);

    // Company B adding the same address cannot join a login that company A's admin controls.
    request.headers = new Headers({ cookie: b.cookie });
    expect(await addUserAction({}, addUserForm({ companyId: b.companyId, name: "Vic Tim", email }))).toEqual({
      added: `We emailed Vic Tim at ${email}.`,
    });
    const inB = await db.prisma.companyMember.findUniqueOrThrow({
      where: { companyId_userId: { companyId: b.companyId, userId: user.id } },
    });
    expect(inB.status).toBe("INVITED");
  });

  test("a new login and a joined one read the same, so no admin learns whether an email has a login elsewhere", async () => {
    request.headers = new Headers({ cookie: b.cookie });
    const address = `new-${randomUUID().slice(0, 8)}@example.com`;
    const fresh = await addUserAction({}, addUserForm({ companyId: b.companyId, name: "Nora New", email: address }));
    // A login with a password its owner chose (a seed's, an accepted invitation's) joins, keeping it.
    const { email: existing } = await createUserWithPassword(db.prisma, a.companyId, "READ_ONLY");
    const joined = await addUserAction({}, addUserForm({ companyId: b.companyId, name: "Nora New", email: existing }));
    expect(fresh).toEqual({ added: `We emailed Nora New at ${address}.` });
    expect(joined).toEqual({ added: `We emailed Nora New at ${existing}.` });
    const cookie = await signIn(db.prisma, existing, PASSWORD);
    const { data } = expectSuccess(
      await callApi(companiesRoute.GET, { token: null, headers: { cookie } }),
      listOf(companySchema),
    );
    expect(data.map((c) => c.id).sort()).toEqual([a.companyId, b.companyId].sort());
  });

  test("a login without a password (a script's) is invited to choose one rather than joined", async () => {
    request.headers = new Headers({ cookie: b.cookie });
    const { user } = await createUserWithToken(db.prisma, a.companyId, "READ_ONLY");
    await addUserAction({}, addUserForm({ companyId: b.companyId, name: user.name, email: user.email }));
    const inB = await db.prisma.companyMember.findUniqueOrThrow({
      where: { companyId_userId: { companyId: b.companyId, userId: user.id } },
    });
    expect(inB.status).toBe("INVITED");
  });
});
