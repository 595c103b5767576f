import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as inactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_inactivate/route";
import * as reactivateRoute from "@/app/api/v1/companies/[companyId]/contacts/bulk_reactivate/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import * as projectContactRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/[contactId]/route";
import * as projectContactsRoute from "@/app/api/v1/companies/[companyId]/projects/[projectId]/contacts/route";
import * as projectsRoute from "@/app/api/v1/companies/[companyId]/projects/route";
import * as vendorsRoute from "@/app/api/v1/companies/[companyId]/vendors/route";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { revokeApiToken } from "@/server/auth/api-tokens";
import type { Database } from "@/server/db/open-database";
import { REFUSAL, type Permission } from "@/server/permissions/can";
import {
  callApi,
  closeApiTestDatabase,
  companySnapshot,
  expectError,
  openApiTestDatabase,
  type ApiCall,
  type ApiResult,
} from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createUserWithToken } from "../helpers/factories";
import { ROLE_NAMES, ROLES, type Role } from "../helpers/roles";

type Handler = Parameters<typeof callApi>[0];

/** Company A, where the users under test are; B, a company of their own for none of them. */
type World = {
  companyId: string;
  /** The project some roles hold a level of their own on. */
  granted: string;
  other: string;
  foreign: { companyId: string; projectId: string; contactId: string };
};

/** The same ids as a hand-made request may spell them. */
const upperCaseIds = (w: World): World => ({
  ...w,
  companyId: w.companyId.toUpperCase(),
  granted: w.granted.toUpperCase(),
  other: w.other.toUpperCase(),
});

/**
 * One request of each kind, built on data made for it (so an allowed change never
 * spoils the next case), and the permission a refusal names.
 */
type Action = {
  needs: Permission;
  writes: boolean;
  prepare: (w: World, db: Database) => Promise<{ handler: Handler; call: ApiCall }>;
};

const read = (needs: Permission, handler: Handler, call: (w: World) => ApiCall): Action => ({
  needs,
  writes: false,
  prepare: async (w) => ({ handler, call: call(w) }),
});

const ACTIONS = {
  "list contacts": read("view contacts", contactsRoute.GET, (w) => ({ params: { companyId: w.companyId } })),
  "list inactive contacts": read("view inactive contacts", contactsRoute.GET, (w) => ({
    params: { companyId: w.companyId },
    query: { status: "inactive" },
  })),
  "get a contact": {
    needs: "view contacts",
    writes: false,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId);
      return { handler: contactRoute.GET, call: { params: { companyId: w.companyId, contactId: contact.id } } };
    },
  },
  "list projects": read("view contacts", projectsRoute.GET, (w) => ({ params: { companyId: w.companyId } })),
  "list vendors": read("view contacts", vendorsRoute.GET, (w) => ({ params: { companyId: w.companyId } })),
  "list the project's contacts": read("view contacts", projectContactsRoute.GET, (w) => ({
    params: { companyId: w.companyId, projectId: w.granted },
  })),
  "list the project's inactive contacts": read("view inactive contacts", projectContactsRoute.GET, (w) => ({
    params: { companyId: w.companyId, projectId: w.granted },
    query: { status: "inactive" },
  })),
  "list another project's contacts": read("view contacts", projectContactsRoute.GET, (w) => ({
    params: { companyId: w.companyId, projectId: w.other },
  })),
  "list another project's inactive contacts": read("view inactive contacts", projectContactsRoute.GET, (w) => ({
    params: { companyId: w.companyId, projectId: w.other },
    query: { status: "inactive" },
  })),
  "create a contact": {
    needs: "edit contacts",
    writes: true,
    prepare: async (w) => ({
      handler: contactsRoute.POST,
      call: { params: { companyId: w.companyId }, body: { firstName: "New", lastName: "Hire" } },
    }),
  },
  "create a contact on the project": {
    needs: "edit contacts",
    writes: true,
    prepare: async (w) => ({
      handler: contactsRoute.POST,
      call: {
        params: { companyId: w.companyId },
        body: { firstName: "New", lastName: "Onsite", projectIds: [w.granted] },
      },
    }),
  },
  "edit a contact": {
    needs: "edit contacts",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId);
      return {
        handler: contactRoute.PATCH,
        call: {
          params: { companyId: w.companyId, contactId: contact.id },
          body: { jobTitle: "Welder" },
          method: "PATCH",
        },
      };
    },
  },
  "inactivate contacts": {
    needs: "change contact status",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      return {
        handler: inactivateRoute.POST,
        call: { params: { companyId: w.companyId }, body: { contactIds: [contact.id] } },
      };
    },
  },
  "reactivate contacts": {
    needs: "change contact status",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId, {
        status: "INACTIVE",
        projects: { [w.granted]: "INACTIVE" },
      });
      return {
        handler: reactivateRoute.POST,
        call: { params: { companyId: w.companyId }, body: { contactIds: [contact.id] } },
      };
    },
  },
  "add contacts to the project": {
    needs: "manage project members",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId);
      return {
        handler: projectContactsRoute.POST,
        call: { params: { companyId: w.companyId, projectId: w.granted }, body: { contactIds: [contact.id] } },
      };
    },
  },
  "remove a contact from the project": {
    needs: "manage project members",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      return {
        handler: projectContactRoute.DELETE,
        call: { params: { companyId: w.companyId, projectId: w.granted, contactId: contact.id }, method: "DELETE" },
      };
    },
  },
  "add contacts to another project": {
    needs: "manage project members",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId);
      return {
        handler: projectContactsRoute.POST,
        call: { params: { companyId: w.companyId, projectId: w.other }, body: { contactIds: [contact.id] } },
      };
    },
  },
  "remove a contact from another project": {
    needs: "manage project members",
    writes: true,
    prepare: async (w, db) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.other]: "ACTIVE" } });
      return {
        handler: projectContactRoute.DELETE,
        call: { params: { companyId: w.companyId, projectId: w.other, contactId: contact.id }, method: "DELETE" },
      };
    },
  },
  "create a project": {
    needs: "create projects",
    writes: true,
    prepare: async (w) => ({
      handler: projectsRoute.POST,
      call: { params: { companyId: w.companyId }, body: { name: `Site ${randomUUID()}` } },
    }),
  },
  "create a vendor": {
    needs: "edit companies",
    writes: true,
    prepare: async (w) => ({
      handler: vendorsRoute.POST,
      call: { params: { companyId: w.companyId }, body: { name: `Vendor ${randomUUID()}` } },
    }),
  },
} satisfies Record<string, Action>;
type ActionName = keyof typeof ACTIONS;

// The answer each role gets, in ROLES' order:
//   not a member | None | Read Only | Standard | Admin | project admin | project member | Standard kept to Read Only
const MATRIX: Record<ActionName, [number, number, number, number, number, number, number, number]> = {
  "list contacts": [404, 403, 200, 200, 200, 200, 403, 200],
  "list inactive contacts": [404, 403, 403, 403, 200, 403, 403, 403],
  "get a contact": [404, 403, 200, 200, 200, 200, 403, 200],
  "list projects": [404, 200, 200, 200, 200, 200, 200, 200],
  "list vendors": [404, 403, 200, 200, 200, 200, 403, 200],
  "list the project's contacts": [404, 403, 200, 200, 200, 200, 200, 200],
  "list the project's inactive contacts": [404, 403, 403, 403, 200, 200, 403, 403],
  "list another project's contacts": [404, 403, 200, 200, 200, 200, 403, 200],
  "list another project's inactive contacts": [404, 403, 403, 403, 200, 403, 403, 403],
  "create a contact": [404, 403, 403, 201, 201, 403, 403, 201],
  "create a contact on the project": [404, 403, 403, 201, 201, 403, 403, 403],
  "edit a contact": [404, 403, 403, 200, 200, 403, 403, 200],
  "inactivate contacts": [404, 403, 403, 403, 200, 403, 403, 403],
  "reactivate contacts": [404, 403, 403, 403, 200, 403, 403, 403],
  "add contacts to the project": [404, 403, 403, 403, 200, 200, 403, 403],
  "remove a contact from the project": [404, 403, 403, 403, 200, 200, 403, 403],
  "add contacts to another project": [404, 403, 403, 403, 200, 403, 403, 403],
  "remove a contact from another project": [404, 403, 403, 403, 200, 403, 403, 403],
  "create a project": [404, 403, 403, 403, 201, 403, 403, 403],
  "create a vendor": [404, 403, 403, 201, 201, 403, 403, 201],
};

const CASES = (Object.keys(MATRIX) as ActionName[]).flatMap((action) =>
  ROLE_NAMES.map((role, i) => [role, action, MATRIX[action][i]!] as const),
);

describe.each(TEST_DATABASES)("API permissions on %s", (kind) => {
  let db: Database;
  let world: World;
  const tokens = {} as Record<Role, string>;
  /** What a request about a company that does not exist is answered. */
  let unknownCompany: ApiResult;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    const company = await createCompany(db.prisma);
    const [granted, other] = await Promise.all([
      createProject(db.prisma, company.id),
      createProject(db.prisma, company.id),
    ]);
    const foreignCompany = await createCompany(db.prisma);
    const foreignProject = await createProject(db.prisma, foreignCompany.id);
    const foreignContact = await createContact(db.prisma, foreignCompany.id, {
      projects: { [foreignProject.id]: "ACTIVE" },
    });
    world = {
      companyId: company.id,
      granted: granted.id,
      other: other.id,
      foreign: { companyId: foreignCompany.id, projectId: foreignProject.id, contactId: foreignContact.id },
    };
    for (const role of ROLE_NAMES) {
      const levels: { company: PermissionLevel; granted?: PermissionLevel } | null = ROLES[role];
      // Not a member: an Admin of company B, with B's token.
      const user = levels
        ? await createUserWithToken(
            db.prisma,
            company.id,
            levels.company,
            levels.granted ? { [granted.id]: levels.granted } : {},
          )
        : await createUserWithToken(db.prisma, foreignCompany.id, "ADMIN");
      tokens[role] = user.token;
    }
    unknownCompany = await callApi(contactsRoute.GET, { params: { companyId: randomUUID() }, token: tokens.Admin });
    expectError(unknownCompany, 404, "not_found");
  });
  afterAll(() => closeApiTestDatabase(db));

  /** The action's request, on data made for it now. */
  function prepare(name: ActionName, w = world) {
    const action: Action = ACTIONS[name];
    return action.prepare(w, db);
  }

  async function expectAnswer(role: Role, action: ActionName, status: number, w: World) {
    const { needs, writes } = ACTIONS[action];
    const { handler, call } = await prepare(action, w);
    const before = await companySnapshot(db.prisma, world.companyId);

    const result = await callApi(handler, { ...call, token: tokens[role] });

    expect(result.status, JSON.stringify(result.body)).toBe(status);
    if (status === 403) expect(expectError(result, 403, "forbidden").message).toBe(REFUSAL[needs]);
    // Exactly what a company that does not exist gets: nothing tells it is there.
    if (status === 404) expect(result.body).toEqual(unknownCompany.body);
    const after = await companySnapshot(db.prisma, world.companyId);
    if (status < 300 && writes) expect(after).not.toEqual(before);
    else expect(after).toEqual(before);
  }

  test.each(CASES)("%s: %s → %i", (role, action, status) => expectAnswer(role, action, status, world));

  // Grants are kept by the lower-case id: an upper-cased one must not fall back to the company level.
  test.each(CASES)("with upper-case ids, %s: %s → %i", (role, action, status) =>
    expectAnswer(role, action, status, upperCaseIds(world)),
  );

  test.each([
    ["None", "none"],
    ["Read Only", "all"],
    ["project member (None, Standard on the project)", "granted"],
  ] as [Role, "none" | "all" | "granted"][])(
    "the project list shows %s only the projects whose directory they may see",
    async (role, visible) => {
      const result = await callApi(projectsRoute.GET, { params: { companyId: world.companyId }, token: tokens[role] });
      const ids = (result.body as { data: { id: string }[] }).data.map((p) => p.id).sort();
      const all = (
        await db.prisma.project.findMany({ where: { companyId: world.companyId }, select: { id: true } })
      ).map((p) => p.id);
      const expected = { none: [], all, granted: [world.granted] }[visible];
      expect(ids).toEqual([...expected].sort());
      expect(all.length).toBeGreaterThan(1);
    },
  );

  describe("credentials", () => {
    test.each(Object.keys(ACTIONS) as ActionName[])("%s without credentials → 401, nothing changed", async (action) => {
      const { handler, call } = await prepare(action);
      const before = await companySnapshot(db.prisma, world.companyId);
      expectError(await callApi(handler, { ...call, token: null }), 401, "unauthorized");
      expect(await companySnapshot(db.prisma, world.companyId)).toEqual(before);
    });

    test.each([
      ["an unknown token", "Bearer rc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
      ["a token without our prefix", "Bearer 0123456789abcdef"],
      ["a token with junk after it", "Bearer rc_abc def"],
      ["no token after Bearer", "Bearer"],
      ["another scheme", "Basic dXNlcjpwYXNz"],
      ["an empty header", " "],
    ])("%s → 401, nothing changed", async (_, authorization) => {
      const before = await companySnapshot(db.prisma, world.companyId);
      for (const action of ["list contacts", "create a contact"] as const) {
        const { handler, call } = await prepare(action);
        expectError(await callApi(handler, { ...call, token: null, headers: { authorization } }), 401, "unauthorized");
      }
      expect(await companySnapshot(db.prisma, world.companyId)).toEqual(before);
    });

    test("a real token with its last character changed → 401", async () => {
      const forged = `${tokens.Admin.slice(0, -1)}${tokens.Admin.endsWith("A") ? "B" : "A"}`;
      expectError(
        await callApi(contactsRoute.GET, { params: { companyId: world.companyId }, token: forged }),
        401,
        "unauthorized",
      );
    });

    test("a revoked token is refused on the very next request", async () => {
      const { user, token } = await createUserWithToken(db.prisma, world.companyId, "ADMIN");
      const list = () => callApi(contactsRoute.GET, { params: { companyId: world.companyId }, token });
      expect((await list()).status).toBe(200);
      const { id } = await db.prisma.apiToken.findFirstOrThrow({ where: { userId: user.id } });
      await revokeApiToken(db.prisma, { companyId: world.companyId, tokenId: id });
      expectError(await list(), 401, "unauthorized");
      const before = await companySnapshot(db.prisma, world.companyId);
      const { handler, call } = await prepare("create a contact");
      expectError(await callApi(handler, { ...call, token }), 401, "unauthorized");
      expect(await companySnapshot(db.prisma, world.companyId)).toEqual(before);
    });
  });

  describe("another company", () => {
    test("a token made in company A, of a user who is Admin in B too, gets B answered exactly like an unknown company", async () => {
      const { user, token } = await createUserWithToken(db.prisma, world.companyId, "ADMIN");
      await db.prisma.companyMember.create({
        data: { companyId: world.foreign.companyId, userId: user.id, directoryLevel: "ADMIN" },
      });
      const before = await companySnapshot(db.prisma, world.foreign.companyId);
      const onB = { companyId: world.foreign.companyId };

      const list = await callApi(contactsRoute.GET, { params: onB, token });
      expect(list.status).toBe(404);
      expect(list.body).toEqual(unknownCompany.body);
      const inactivate = await callApi(inactivateRoute.POST, {
        params: onB,
        body: { contactIds: [world.foreign.contactId] },
        token,
      });
      expect(inactivate.body).toEqual(unknownCompany.body);
      const remove = await callApi(projectContactRoute.DELETE, {
        params: { ...onB, projectId: world.foreign.projectId, contactId: world.foreign.contactId },
        method: "DELETE",
        token,
      });
      expect(remove.body).toEqual(unknownCompany.body);
      expect(await companySnapshot(db.prisma, world.foreign.companyId)).toEqual(before);
    });

    /** Requests in company A's paths naming one of B's ids, and the same with an id nobody has. */
    const NAMING_ANOTHER_COMPANYS_ID: [
      string,
      (w: World, id: { contactId: string; projectId: string }) => { handler: Handler; call: ApiCall },
    ][] = [
      [
        "get a contact",
        (w, id) => ({
          handler: contactRoute.GET,
          call: { params: { companyId: w.companyId, contactId: id.contactId } },
        }),
      ],
      [
        "edit a contact",
        (w, id) => ({
          handler: contactRoute.PATCH,
          call: {
            params: { companyId: w.companyId, contactId: id.contactId },
            body: { jobTitle: "Hijacked" },
            method: "PATCH",
          },
        }),
      ],
      [
        "list a project's contacts",
        (w, id) => ({
          handler: projectContactsRoute.GET,
          call: { params: { companyId: w.companyId, projectId: id.projectId } },
        }),
      ],
      [
        "add contacts to a project",
        (w, id) => ({
          handler: projectContactsRoute.POST,
          call: { params: { companyId: w.companyId, projectId: id.projectId }, body: { contactIds: [id.contactId] } },
        }),
      ],
      [
        "remove a contact from a project",
        (w, id) => ({
          handler: projectContactRoute.DELETE,
          call: { params: { companyId: w.companyId, projectId: w.granted, contactId: id.contactId }, method: "DELETE" },
        }),
      ],
      [
        "remove a contact from a project named by its id",
        (w, id) => ({
          handler: projectContactRoute.DELETE,
          call: {
            params: { companyId: w.companyId, projectId: id.projectId, contactId: id.contactId },
            method: "DELETE",
          },
        }),
      ],
      [
        "create a contact on a project",
        (w, id) => ({
          handler: contactsRoute.POST,
          call: {
            params: { companyId: w.companyId },
            body: { firstName: "A", lastName: "B", projectIds: [id.projectId] },
          },
        }),
      ],
    ];
    const ROLES_WITH_ACCESS: Role[] = [
      "Admin",
      "Standard",
      "project admin (Read Only, Admin on the project)",
      "project member (None, Standard on the project)",
    ];

    test.each(
      NAMING_ANOTHER_COMPANYS_ID.flatMap(([name, build]) =>
        ROLES_WITH_ACCESS.map((role) => [role, name, build] as const),
      ),
    )("%s: %s with company B's id is answered like an id nobody has, and B is untouched", async (role, _, build) => {
      const before = await companySnapshot(db.prisma, world.foreign.companyId);
      const ownBefore = await companySnapshot(db.prisma, world.companyId);
      const unknown = { contactId: randomUUID(), projectId: randomUUID() };
      const foreign = build(world, world.foreign);
      const nobodys = build(world, unknown);
      const withForeignId = await callApi(foreign.handler, { ...foreign.call, token: tokens[role] });
      const withUnknownId = await callApi(nobodys.handler, { ...nobodys.call, token: tokens[role] });
      expect(withForeignId.status).toBeGreaterThanOrEqual(403);
      // An answer may quote the id it could not find; apart from that, the two are the same.
      const quoting = (result: ApiResult, id: { contactId: string; projectId: string }) =>
        JSON.stringify(result).replaceAll(id.contactId, "<contact id>").replaceAll(id.projectId, "<project id>");
      expect(quoting(withForeignId, world.foreign)).toBe(quoting(withUnknownId, unknown));
      expect(await companySnapshot(db.prisma, world.foreign.companyId)).toEqual(before);
      expect(await companySnapshot(db.prisma, world.companyId)).toEqual(ownBefore);
    });

    test("bulk changes skip another company's contacts as not found, leaving them alone", async () => {
      const before = await companySnapshot(db.prisma, world.foreign.companyId);
      for (const handler of [inactivateRoute.POST, reactivateRoute.POST]) {
        const result = await callApi(handler, {
          params: { companyId: world.companyId },
          body: { contactIds: [world.foreign.contactId] },
          token: tokens.Admin,
        });
        expect(result).toEqual({
          status: 200,
          body: {
            batchId: null,
            changed: 0,
            skipped: [{ id: world.foreign.contactId, reason: "not found" }],
            projectsAffected: 0,
          },
        });
      }
      expect(await companySnapshot(db.prisma, world.foreign.companyId)).toEqual(before);
    });
  });
});
