import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as reactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_reactivate/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import * as projectContactsRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/route";
import { errorSchema } from "@/server/api/schemas";
import type { Database } from "@/server/db/open-database";
import { callApi, closeApiTestDatabase, companySnapshot, openApiTestDatabase, type ApiCall } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createVendor } from "../helpers/factories";

const RUNS = { numRuns: 150 };

// Payloads that no endpoint may accept, by construction.

/** Any value at all, sent as JSON (undefined sends an empty body). */
const anything = fc.oneof(fc.anything(), fc.jsonValue());

/** An object with at least one key the endpoint does not take. */
const unknownKeys = (known: string[]) =>
  fc
    .dictionary(fc.string(), fc.anything(), { minKeys: 1 })
    .filter((o) => Object.keys(o).some((k) => !known.includes(k)));

// Finite doubles only: NaN and Infinity travel as JSON null, which optional fields accept.
const notText = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.anything()),
  fc.object(),
);
const withNul = fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\u0000${b}`);
const notUuid = fc.string().filter((s) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
const uuidAt = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

const CONTACT_TEXT = ["email", "phone", "jobTitle", "employeeId", "classification", "vendorId"];
const CONTACT_KEYS = ["firstName", "lastName", ...CONTACT_TEXT, "isEmployee", "projectIds"];

/** A contact body with one field broken: wrong type, too long, or holding U+0000. */
const brokenContactFields = fc.oneof(
  fc.record({ firstName: fc.oneof(notText, fc.constant(null)), lastName: fc.string({ minLength: 1 }) }),
  fc.record({
    firstName: fc.constant("Pat"),
    lastName: fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100),
  }),
  fc.record({ firstName: withNul, lastName: fc.constant("Lopez") }),
  fc
    .tuple(fc.constantFrom(...CONTACT_TEXT), notText)
    .map(([key, value]) => ({ firstName: "Pat", lastName: "Lopez", [key]: value })),
  fc.record({
    firstName: fc.constant("Pat"),
    lastName: fc.constant("Lopez"),
    isEmployee: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  }),
  // An empty list is a valid projectIds (no projects), so notText's arrays must not be empty here.
  fc.record({
    firstName: fc.constant("Pat"),
    lastName: fc.constant("Lopez"),
    projectIds: fc.oneof(
      notText.filter((v) => !(Array.isArray(v) && v.length === 0)),
      fc.array(notUuid, { minLength: 1 }),
    ),
  }),
);

const contactBodies = fc.oneof(anything, unknownKeys(CONTACT_KEYS), brokenContactFields);

/** A patch with one broken field (or none at all). */
const patchBodies = fc.oneof(
  anything.filter((v) => !(typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length > 0)),
  unknownKeys(CONTACT_KEYS),
  brokenContactFields,
  withNul.map((jobTitle) => ({ jobTitle })),
);

/** Id lists with a bad id, too many ids, or not a list at all. */
const badIdLists = (valid: () => string[]) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...valid()), notUuid), { minLength: 1 })
        .filter((ids) => ids.some((id) => !valid().includes(id))),
    },
    { weight: 2, arbitrary: fc.oneof(notText, fc.constant([]), fc.constant(null)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 10_001, max: 12_000 }).map((n) => Array.from({ length: n }, (_, i) => uuidAt(i))),
    },
  );

describe.each(TEST_DATABASES)("random payloads are refused cleanly on %s", (kind) => {
  let db: Database;
  let world: { companyId: string; projectId: string; contactIds: string[]; foreignContactId: string };

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    const company = await createCompany(db.prisma);
    const other = await createCompany(db.prisma);
    const project = await createProject(db.prisma, company.id);
    const vendor = await createVendor(db.prisma, company.id);
    const contacts = await Promise.all([
      createContact(db.prisma, company.id, { vendorId: vendor.id, projects: { [project.id]: "ACTIVE" } }),
      createContact(db.prisma, company.id, { status: "INACTIVE", projects: { [project.id]: "INACTIVE" } }),
      createContact(db.prisma, company.id, { projects: { [project.id]: "REMOVED" } }),
      createContact(db.prisma, company.id),
    ]);
    const foreign = await createContact(db.prisma, other.id);
    world = {
      companyId: company.id,
      projectId: project.id,
      contactIds: contacts.map((c) => c.id),
      foreignContactId: foreign.id,
    };
  });
  afterAll(() => closeApiTestDatabase(db));

  /** Sends the request and checks: a 4xx in the error shape, and the company exactly as before. */
  async function expectRefused(handler: Parameters<typeof callApi>[0], call: ApiCall) {
    const before = await companySnapshot(db.prisma, world.companyId);
    const body = call.body === undefined ? "" : (JSON.stringify(call.body) ?? "");
    const result = await callApi(handler, { ...call, body: undefined, rawBody: call.rawBody ?? body });
    expect(result.status, JSON.stringify(result.body)).toBeGreaterThanOrEqual(400);
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(500);
    // Sent with a company Admin's token: refused for what it says, not for who sent it.
    expect([401, 403], JSON.stringify(result.body)).not.toContain(result.status);
    errorSchema.parse(result.body);
    expect(await companySnapshot(db.prisma, world.companyId)).toEqual(before);
  }

  const params = () => ({ companyId: world.companyId });

  test("POST contacts", async () => {
    await fc.assert(
      fc.asyncProperty(contactBodies, (body) => expectRefused(contactsRoute.POST, { params: params(), body })),
      RUNS,
    );
  });

  test("PATCH contact, with a real, foreign, unknown or malformed contact id", async () => {
    const contactId = fc.oneof(fc.constantFrom(...world.contactIds, world.foreignContactId), fc.uuid(), notUuid);
    const validPatch = fc.record({ jobTitle: fc.string({ maxLength: 100 }) });
    const call = fc.oneof(
      fc.record({ contactId, body: patchBodies }),
      // A valid patch is still refused when the id names no contact of this company.
      fc.record({ contactId: fc.oneof(fc.constant(world.foreignContactId), fc.uuid(), notUuid), body: validPatch }),
    );
    await fc.assert(
      fc.asyncProperty(call, ({ contactId, body }) =>
        expectRefused(contactRoute.PATCH, { params: { ...params(), contactId }, body, method: "PATCH" }),
      ),
      RUNS,
    );
  });

  test.each([
    ["bulk_inactivate", inactivateRoute.POST],
    ["bulk_reactivate", reactivateRoute.POST],
  ])("POST %s", async (_, handler) => {
    const bodies = fc.oneof(
      anything,
      unknownKeys(["contactIds", "reason"]),
      badIdLists(() => world.contactIds).map((contactIds) => ({ contactIds })),
      fc.record({
        contactIds: fc.constant(world.contactIds),
        reason: fc.oneof(
          notText,
          fc.string({ minLength: 501, maxLength: 600 }).filter((s) => s.trim().length > 500),
          withNul,
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(bodies, (body) => expectRefused(handler, { params: params(), body })),
      RUNS,
    );
  });

  test("POST project contacts, with a real, unknown or malformed project id", async () => {
    const projectId = fc.oneof(fc.constant(world.projectId), fc.uuid(), notUuid);
    const bodies = fc.oneof(
      anything,
      unknownKeys(["contactIds"]),
      badIdLists(() => world.contactIds).map((contactIds) => ({ contactIds })),
    );
    const call = fc.oneof(
      fc.record({ projectId, body: bodies }),
      fc.record({ projectId: fc.oneof(fc.uuid(), notUuid), body: fc.constant({ contactIds: world.contactIds }) }),
    );
    await fc.assert(
      fc.asyncProperty(call, ({ projectId, body }) =>
        expectRefused(projectContactsRoute.POST, { params: { ...params(), projectId }, body }),
      ),
      RUNS,
    );
  });

  test("raw bodies that are not JSON objects, on every write endpoint", async () => {
    const handlers = [contactsRoute.POST, inactivateRoute.POST, reactivateRoute.POST] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...handlers), fc.string(), (handler, rawBody) =>
        expectRefused(handler, { params: params(), rawBody }),
      ),
      RUNS,
    );
  });
});
