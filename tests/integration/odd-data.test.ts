import { text } from "node:stream/consumers";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import * as historyRoute from "@/app/api/v1/companies/[companyId]/history/route";
import * as historyExportRoute from "@/app/companies/[companyId]/history/export/route";
import ChangeHistoryPage from "@/app/companies/[companyId]/history/page";
import * as projectExportRoute from "@/app/companies/[companyId]/projects/[projectId]/directory/[tab]/export/route";
import type { Database } from "@/server/db/open-database";
import { adminToken, callApi, closeApiTestDatabase, expectError, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

/** A route handler's whole answer; a stream that never ends fails the test by its timeout. */
async function read(response: Response) {
  return {
    status: response.status,
    headers: response.headers,
    body: response.body ? await text(Readable.fromWeb(response.body as never)) : "",
  };
}

describe.each(TEST_DATABASES)("odd data answers 4xx or works, never 500, on %s", (kind) => {
  let db: Database;
  let companyId: string;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    companyId = (await createCompany(db.prisma)).id;
    const { email } = await createUserWithPassword(db.prisma, companyId, "ADMIN");
    request.headers = new Headers({ cookie: await signIn(db.prisma, email) });
  });
  afterAll(() => closeApiTestDatabase(db));

  test.each([
    ["an en dash", "2024–017", "2024-017"],
    ["a line break", "2024\r\n017", "2024 017"],
    ["a quote and parameters", '17"; filename=evil.exe; x="', "17__ filename=evil.exe_ x=_"],
  ])("a project number with %s downloads under an encoded file name", async (_, number, ascii) => {
    const project = await createProject(db.prisma, companyId);
    await db.prisma.project.update({
      where: { companyId_id: { companyId: project.companyId, id: project.id } },
      data: { number },
    });
    const url = `http://rollcall.test/companies/${companyId}/projects/${project.id}/directory/contacts/export`;
    const response = await read(
      await projectExportRoute.GET(new Request(url), {
        params: Promise.resolve({ companyId, projectId: project.id, tab: "contacts" }),
      }),
    );
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition")!;
    const day = new Date().toISOString().slice(0, 10);
    expect(disposition).toBe(
      `attachment; filename="${ascii}-contacts-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`${number.replace(/\r\n/, " ")}-contacts-${day}.csv`).replace(/'/g, "%27")}`,
    );
    // One quoted ASCII name and one encoded one: nothing else gets in.
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/,
    );
  });

  test.each(["0000-01-01", "9999-12-31", "275760-09-13"])(
    "history from or to %s is a 400 with a message in the API, ignored by the page and its export",
    async (day) => {
      for (const key of ["from", "to"]) {
        const error = expectError(
          await callApi(historyRoute.GET, { params: { companyId }, query: { [key]: day } }),
          400,
          "validation_error",
        );
        expect(error.message).toMatch(new RegExp(`${key}`));
      }
      await expect(
        ChangeHistoryPage({
          params: Promise.resolve({ companyId }),
          searchParams: Promise.resolve({ from: day, to: day }),
        }),
      ).resolves.toBeTruthy();
      const url = `http://rollcall.test/companies/${companyId}/history/export?from=${day}&to=${day}`;
      const exported = await read(
        await historyExportRoute.GET(new Request(url), { params: Promise.resolve({ companyId }) }),
      );
      expect(exported.status).toBe(200);
      expect(exported.body).toMatch(/^\uFEFF?When \(UTC\)/);
    },
  );

  test("a lone UTF-16 surrogate in a contact's name is refused with a 400, like the NUL byte, on create and edit", async () => {
    const created = expectError(
      await callApi(contactsRoute.POST, { params: { companyId }, body: { firstName: "Lone\ud800", lastName: "Half" } }),
      400,
      "validation_error",
    );
    expect(created.details).toEqual([{ path: "firstName", message: expect.stringMatching(/surrogate/) }]);
    const contact = await createContact(db.prisma, companyId);
    const patched = expectError(
      await callApi(contactRoute.PATCH, {
        params: { companyId, contactId: contact.id },
        body: { lastName: "\udc00Half" },
        method: "PATCH",
      }),
      400,
      "validation_error",
    );
    expect(patched.details).toEqual([{ path: "lastName", message: expect.stringMatching(/surrogate/) }]);
    // A well-formed pair (an emoji) is text like any other.
    expect(
      (await callApi(contactsRoute.POST, { params: { companyId }, body: { firstName: "Ana 👷", lastName: "Pair" } }))
        .status,
    ).toBe(201);
  });

  test("API answers, successes and errors alike, are never cached", async () => {
    const headers = { authorization: `Bearer ${await adminToken(companyId)}` };
    const context = { params: Promise.resolve({ companyId }) };
    const ok = await contactsRoute.GET(
      new Request(`http://rollcall.test/api/v1/companies/${companyId}/contacts`, { headers }),
      context,
    );
    const refused = await contactsRoute.GET(
      new Request(`http://rollcall.test/api/v1/companies/${companyId}/contacts?bogus=1`, { headers }),
      context,
    );
    expect([ok.status, refused.status]).toEqual([200, 400]);
    expect([ok.headers.get("cache-control"), refused.headers.get("cache-control")]).toEqual(["no-store", "no-store"]);
  });
});
