import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as historyRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/history/route";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import ContactPage from "@/app/companies/[companyId]/contacts/[contactId]/page";
import * as exportRoute from "@/app/companies/[companyId]/directory/[tab]/export/route";
import { updateContactAction } from "@/features/contacts/form-actions";
import type { PermissionLevel } from "@/generated/prisma/enums";
import type { Database } from "@/server/db/open-database";
import { REFUSAL, type Permission } from "@/server/permissions/can";
import {
  callApi,
  closeApiTestDatabase,
  companySnapshot,
  expectError,
  openApiTestDatabase,
  type ApiCall,
} from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createUserWithToken } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** The levels under test: on the company, and on project P where they differ. */
const USERS = {
  "Read Only": { company: "READ_ONLY" },
  Standard: { company: "STANDARD" },
  "Standard, None on P": { company: "STANDARD", onP: "NONE" },
  "Read Only, Admin on P": { company: "READ_ONLY", onP: "ADMIN" },
  Admin: { company: "ADMIN" },
} satisfies Record<string, { company: PermissionLevel; onP?: PermissionLevel }>;
type User = keyof typeof USERS;
const USER_NAMES = Object.keys(USERS) as User[];

type World = { companyId: string; p: string; inactiveOnP: string; inactiveNowhere: string };
type ApiRequest = { handler: Parameters<typeof callApi>[0]; call: (w: World) => ApiCall };

const REQUESTS = {
  "get an inactive contact on P": {
    handler: contactRoute.GET,
    call: (w) => ({ params: { companyId: w.companyId, contactId: w.inactiveOnP } }),
  },
  "get an inactive contact on no project": {
    handler: contactRoute.GET,
    call: (w) => ({ params: { companyId: w.companyId, contactId: w.inactiveNowhere } }),
  },
  "read an inactive contact's history": {
    handler: historyRoute.GET,
    call: (w) => ({ params: { companyId: w.companyId, contactId: w.inactiveOnP } }),
  },
  "edit an inactive contact": {
    handler: contactRoute.PATCH,
    call: (w) => ({
      params: { companyId: w.companyId, contactId: w.inactiveOnP },
      body: { jobTitle: "Welder" },
      method: "PATCH",
    }),
  },
  "list the company's contacts on P": {
    handler: contactsRoute.GET,
    call: (w) => ({ params: { companyId: w.companyId }, query: { projectId: w.p } }),
  },
  "list the company's contacts on P, upper-cased": {
    handler: contactsRoute.GET,
    call: (w) => ({ params: { companyId: w.companyId }, query: { projectId: w.p.toUpperCase() } }),
  },
} satisfies Record<string, ApiRequest>;
type RequestName = keyof typeof REQUESTS;

/** 200, or 403 with the refusal of the permission named. */
const OK = 200;
type Answer = typeof OK | Permission;
// In USERS' order: Read Only | Standard | Standard, None on P | Read Only, Admin on P | Admin
const MATRIX: Record<RequestName, Answer[]> = {
  "get an inactive contact on P": [
    "view inactive contacts",
    "view inactive contacts",
    "view inactive contacts",
    OK,
    OK,
  ],
  "get an inactive contact on no project": [
    "view inactive contacts",
    "view inactive contacts",
    "view inactive contacts",
    "view inactive contacts",
    OK,
  ],
  "read an inactive contact's history": [
    "view inactive contacts",
    "view inactive contacts",
    "view inactive contacts",
    OK,
    OK,
  ],
  "edit an inactive contact": [
    "edit contacts",
    "view inactive contacts",
    "view inactive contacts",
    "edit contacts",
    OK,
  ],
  "list the company's contacts on P": [OK, OK, "view contacts", OK, OK],
  "list the company's contacts on P, upper-cased": [OK, OK, "view contacts", OK, OK],
};
const CASES = (Object.keys(MATRIX) as RequestName[]).flatMap((name) =>
  USER_NAMES.map((user, i) => [user, name, MATRIX[name][i]!] as const),
);

describe.each(TEST_DATABASES)("inactive contacts and hidden projects below Admin, on %s", (kind) => {
  let db: Database;
  let w: World;
  const tokens = {} as Record<User, string>;
  const cookies = {} as Record<User, string>;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    const companyId = (await createCompany(db.prisma)).id;
    const p = (await createProject(db.prisma, companyId)).id;
    const inactiveOnP = (
      await createContact(db.prisma, companyId, { status: "INACTIVE", projects: { [p]: "INACTIVE" } })
    ).id;
    const inactiveNowhere = (await createContact(db.prisma, companyId, { status: "INACTIVE" })).id;
    await createContact(db.prisma, companyId, { firstName: "Onsite", projects: { [p]: "ACTIVE" } });
    w = { companyId, p, inactiveOnP, inactiveNowhere };
    for (const name of USER_NAMES) {
      const levels: { company: PermissionLevel; onP?: PermissionLevel } = USERS[name];
      const grants = levels.onP ? { [p]: levels.onP } : {};
      tokens[name] = (await createUserWithToken(db.prisma, companyId, levels.company, grants)).token;
      cookies[name] = await signIn(
        db.prisma,
        (await createUserWithPassword(db.prisma, companyId, levels.company, grants)).email,
      );
    }
  });
  afterAll(() => closeApiTestDatabase(db));

  test.each(CASES)("API, %s: %s → %s", async (user, name, answer) => {
    const { handler, call } = REQUESTS[name];
    const before = await companySnapshot(db.prisma, w.companyId);
    const result = await callApi(handler, { ...call(w), token: tokens[user] });
    if (answer === OK) {
      expect(result.status, JSON.stringify(result.body)).toBe(200);
    } else {
      expect(expectError(result, 403, "forbidden").message).toBe(REFUSAL[answer]);
      expect(await companySnapshot(db.prisma, w.companyId)).toEqual(before);
    }
  });

  test.each(USER_NAMES)("the Edit Contact form, as %s, edits an inactive contact only as Admin", async (user) => {
    request.headers = new Headers({ cookie: cookies[user] });
    const contact = await db.prisma.contact.findUniqueOrThrow({
      where: { companyId_id: { companyId: w.companyId, id: w.inactiveOnP } },
    });
    const form = new FormData();
    for (const [key, value] of Object.entries({
      companyId: w.companyId,
      contactId: contact.id,
      firstName: contact.firstName,
      lastName: contact.lastName,
      jobTitle: `Rigger ${user}`,
    })) {
      form.set(key, value);
    }
    const answer = MATRIX["edit an inactive contact"][USER_NAMES.indexOf(user)]!;
    const result = await updateContactAction({}, form);
    expect(result.message).toBe(answer === OK ? `Saved ${contact.firstName} ${contact.lastName}.` : REFUSAL[answer]);
  });

  test.each(USER_NAMES)(
    "the contact page of an inactive contact, as %s, is there only for whom may see it",
    async (user) => {
      request.headers = new Headers({ cookie: cookies[user] });
      const page = ContactPage({ params: Promise.resolve({ companyId: w.companyId, contactId: w.inactiveOnP }) });
      if (MATRIX["get an inactive contact on P"][USER_NAMES.indexOf(user)] === OK)
        await expect(page).resolves.toBeTruthy();
      else await expect(page).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    },
  );

  test.each(USER_NAMES)(
    "the company directory's export filtered to P, as %s, follows the project's level",
    async (user) => {
      request.headers = new Headers({ cookie: cookies[user] });
      const url = `http://rollcall.test/companies/${w.companyId}/directory/contacts/export?project=${w.p}`;
      const response = await exportRoute.GET(new Request(url), {
        params: Promise.resolve({ companyId: w.companyId, tab: "contacts" }),
      });
      const answer = MATRIX["list the company's contacts on P"][USER_NAMES.indexOf(user)];
      expect(response.status).toBe(answer === OK ? 200 : 403);
      await response.text();
    },
  );
});
