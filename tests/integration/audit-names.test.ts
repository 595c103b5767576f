import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import { historyCsv } from "@/features/history/history-csv";
import type { Database } from "@/server/db/open-database";
import { callApi, closeApiTestDatabase, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createUserWithToken } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

describe.each(TEST_DATABASES)("who the change history names, on %s", (kind) => {
  let db: Database;
  let companyId: string;
  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    companyId = (await createCompany(db.prisma)).id;
  });
  afterAll(() => closeApiTestDatabase(db));

  /** A browser's request to Better Auth's own endpoints, from this site, with the session cookie. */
  const postToAuth = (path: string, cookie: string, body: unknown) =>
    authRoute.POST(
      new Request(`http://localhost:3000/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: "http://localhost:3000" },
        body: JSON.stringify(body),
      }),
    );

  test("nobody renames themselves, or changes their email, through Better Auth's endpoints", async () => {
    const { userId, email } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const cookie = await signIn(db.prisma, email);
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect((await postToAuth("/update-user", cookie, { name: "Alex Admin" })).status).toBe(404);
    expect((await postToAuth("/change-email", cookie, { newEmail: "alex.admin@example.com" })).status).toBe(404);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).toEqual(before);
    // The session endpoint, which the app does need, still answers.
    expect(
      (await authRoute.GET(new Request("http://localhost:3000/api/auth/get-session", { headers: { cookie } }))).status,
    ).toBe(200);
  });

  test("the history CSV gives each actor's email and user id beside the name they acted under", async () => {
    const { user, token } = await createUserWithToken(db.prisma, companyId, "STANDARD");
    expect(
      (
        await callApi(contactsRoute.POST, {
          params: { companyId },
          body: { firstName: "Csv", lastName: "Trail" },
          token,
        })
      ).status,
    ).toBe(201);
    const [header, row] = (await text(historyCsv(db.prisma, companyId, {}))).trim().split("\n");
    expect(header).toBe("When (UTC),Record,Name,Action,Change,By,By (email),By (user ID),Reason,Batch,Record ID");
    expect(row).toContain(`,Csv Trail,Created,`);
    expect(row).toContain(`,${user.name},${user.email},${user.id},`);
  });
});
