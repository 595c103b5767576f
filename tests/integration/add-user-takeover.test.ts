import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import { addUserAction } from "@/features/users/actions";
import { companySchema, listOf } from "@/server/api/schemas";
import { authFor } from "@/server/auth/get-auth";
import type { Database } from "@/server/db/open-database";
import { CANNOT_ADD_WITH_PASSWORD } from "@/server/users/add-company-user";
import { callApi, closeApiTestDatabase, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createUserWithToken } from "../helpers/factories";
import { cookieHeader, createUserWithPassword, signIn } from "../helpers/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

function addUserForm(fields: { companyId: string; name: string; email: string; password: string }) {
  const data = new FormData();
  for (const [key, value] of Object.entries({ ...fields, level: "ADMIN" })) data.set(key, value);
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

  test("a login whose password company A's admin chose is not joined to company B, and A's admin cannot reach B", async () => {
    const email = `victim-${randomUUID().slice(0, 8)}@example.com`;
    const chosenByA = "chosen by admin A 123";
    request.headers = new Headers({ cookie: a.cookie });
    expect(
      await addUserAction({}, addUserForm({ companyId: a.companyId, name: "Vic Tim", email, password: chosenByA })),
    ).toEqual({
      added: "Vic Tim was added to this company.",
    });

    request.headers = new Headers({ cookie: b.cookie });
    const inB = await addUserAction(
      {},
      addUserForm({ companyId: b.companyId, name: "Vic Tim", email, password: "chosen by admin B 123" }),
    );
    expect(inB).toEqual({ errors: { email: CANNOT_ADD_WITH_PASSWORD }, message: CANNOT_ADD_WITH_PASSWORD });
    expect(JSON.stringify(inB)).not.toMatch(/already|login/i);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await db.prisma.companyMember.count({ where: { companyId: b.companyId, userId: user.id } })).toBe(0);

    // A's admin signs in as the person with the password they chose: only company A opens.
    const response = await authFor(db.prisma).api.signInEmail({
      body: { email, password: chosenByA },
      asResponse: true,
    });
    const cookie = cookieHeader(response);
    const { data } = expectSuccess(
      await callApi(companiesRoute.GET, { token: null, headers: { cookie } }),
      listOf(companySchema),
    );
    expect(data.map((c) => c.id)).toEqual([a.companyId]);
  });

  test("a new login and a joined one read the same, so no admin learns whether an email has a login elsewhere", async () => {
    request.headers = new Headers({ cookie: b.cookie });
    const fresh = await addUserAction(
      {},
      addUserForm({
        companyId: b.companyId,
        name: "Nora New",
        email: `new-${randomUUID().slice(0, 8)}@example.com`,
        password: "first password 123",
      }),
    );
    // A login no admin chose a password for (a script's, a seed's) may join.
    const { user } = await createUserWithToken(db.prisma, a.companyId, "READ_ONLY");
    const joined = await addUserAction(
      {},
      addUserForm({ companyId: b.companyId, name: "Nora New", email: user.email, password: "first password 123" }),
    );
    expect(fresh).toEqual({ added: "Nora New was added to this company." });
    expect(joined).toEqual(fresh);
    expect(await db.prisma.companyMember.count({ where: { companyId: b.companyId, userId: user.id } })).toBe(1);
  });
});
