import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { createApiTokenAction, revokeApiTokenAction } from "@/features/api-tokens/actions";
import {
  countProjectDirectoriesAction,
  inactivateContactsAction,
  reactivateContactsAction,
} from "@/features/contacts/actions";
import type { ActionResult } from "@/lib/action-result";
import { createContactAction, updateContactAction, type ContactFormState } from "@/features/contacts/form-actions";
import { addContactsToProjectAction, removeContactsFromProjectAction } from "@/features/contacts/membership-actions";
import { addCrewMembersAction, createCrewAction, removeCrewMemberAction } from "@/features/crews/actions";
import { undoBatchAction } from "@/features/history/actions";
import { createProjectAction, searchProjectOptionsAction } from "@/features/projects/actions";
import { dismissDuplicatesAction, mergeContactsAction } from "@/features/contacts/merge-actions";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { mergeContacts } from "@/server/contacts/merge-contacts";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";
import {
  addUserAction,
  inactivateUsersAction,
  inviteContactAction,
  reactivateUsersAction,
  setPermissionAction,
  type AddUserState,
} from "@/features/users/actions";
import { createApiToken } from "@/server/auth/api-tokens";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getSessionUser } from "@/server/auth/current-user";
import type { Database } from "@/server/db/open-database";
import { REFUSAL, type Permission } from "@/server/permissions/can";
import { closeApiTestDatabase, companySnapshot, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createContact, createProject, createUserWithToken } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";
import { ROLE_NAMES, ROLES, type Role } from "../helpers/roles";

// Server actions read the session cookie through next/headers and revalidate through
// next/cache, both of which need a Next.js request. The cookie handed over here is a real
// one, from a real sign-in: cookie → Better Auth session → database → permission.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));

const SESSION_ENDED = "Your session has ended. Sign in again, then retry.";
const COMPANY_NOT_FOUND = "Company not found.";

type World = {
  companyId: string;
  /** The project some roles hold a level of their own on. */
  granted: string;
  other: string;
  foreign: {
    companyId: string;
    projectId: string;
    contactId: string;
    inactiveContactId: string;
    crewId: string;
    userId: string;
    tokenId: string;
  };
};

/** What an action answered: done, or the message the user reads. */
type Outcome = { ok: true } | { ok: false; message: string };
const fromResult = (r: ActionResult<unknown>): Outcome =>
  r.error === null ? { ok: true } : { ok: false, message: r.error };
const fromContactForm = (r: ContactFormState): Outcome =>
  r.contactId ? { ok: true } : { ok: false, message: r.message ?? JSON.stringify(r) };
const fromAddUserForm = (r: AddUserState): Outcome =>
  r.added ? { ok: true } : { ok: false, message: r.message ?? JSON.stringify(r) };

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const newContactFields = () => ({ firstName: "Nia", lastName: `Newhire ${randomUUID().slice(0, 8)}` });

/** Everything in a company an action could change, users and tokens included. */
async function fullSnapshot(prisma: PrismaClient, companyId: string) {
  const where = { companyId };
  const orderBy = { id: "asc" } as const;
  const [records, crews, members, grants, tokens] = await Promise.all([
    companySnapshot(prisma, companyId),
    prisma.crew.findMany({ where, orderBy }),
    prisma.companyMember.findMany({ where, orderBy }),
    prisma.projectPermission.findMany({ where, orderBy }),
    prisma.apiToken.findMany({ where, orderBy }),
  ]);
  return { ...records, crews, members, grants, tokens };
}

/** The same ids as a hand-made request may spell them. */
const upperCaseIds = (w: World): World => ({
  ...w,
  companyId: w.companyId.toUpperCase(),
  granted: w.granted.toUpperCase(),
  other: w.other.toUpperCase(),
});

type Context = { w: World; db: Database; me: string };

/**
 * One call of each action, on data made for it (an allowed change never spoils the next
 * case), and the permission whose refusal it answers with.
 */
type Action = { needs: Permission; prepare: (c: Context) => Promise<() => Promise<Outcome>> };

async function crewOn(prisma: PrismaClient, companyId: string, projectId: string) {
  return prisma.crew.create({ data: { companyId, projectId, name: `Crew ${randomUUID().slice(0, 8)}` } });
}

const ACTIONS = {
  "inactivate contacts": {
    needs: "change contact status",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      return async () =>
        fromResult(await inactivateContactsAction({ companyId: w.companyId, contactIds: [contact.id] }));
    },
  },
  "reactivate contacts": {
    needs: "change contact status",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, {
        status: "INACTIVE",
        projects: { [w.granted]: "INACTIVE" },
      });
      return async () =>
        fromResult(await reactivateContactsAction({ companyId: w.companyId, contactIds: [contact.id] }));
    },
  },
  "undo an inactivation": {
    needs: "change contact status",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      const { batchId } = await inactivateContacts(db.prisma, { companyId: w.companyId, contactIds: [contact.id] });
      return async () => fromResult(await undoBatchAction({ companyId: w.companyId, batchId: batchId! }));
    },
  },
  "merge contacts": {
    needs: "change contact status",
    prepare: async ({ w, db }) => {
      const keep = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      const other = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      return async () =>
        fromResult(await mergeContactsAction({ companyId: w.companyId, keepId: keep.id, mergeIds: [other.id] }));
    },
  },
  "undo a merge": {
    needs: "change contact status",
    prepare: async ({ w, db }) => {
      const keep = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      const other = await createContact(db.prisma, w.companyId);
      const { batchId } = await mergeContacts(db.prisma, {
        companyId: w.companyId,
        keepId: keep.id,
        mergeIds: [other.id],
      });
      return async () => fromResult(await undoBatchAction({ companyId: w.companyId, batchId }));
    },
  },
  "mark a group as not duplicates": {
    needs: "change contact status",
    prepare: async ({ w, db }) => {
      const email = `${randomUUID()}@example.com`;
      const a = await createContact(db.prisma, w.companyId, { email });
      const b = await createContact(db.prisma, w.companyId, { email });
      const [row] = await db.prisma.$queryRaw<
        { id: string }[]
      >`SELECT rollcall_group_id(${[a.id, b.id].sort()}::uuid[])::text AS id`;
      return async () => fromResult(await dismissDuplicatesAction({ companyId: w.companyId, groupId: row!.id }));
    },
  },
  "undo a removal from the project": {
    needs: "manage project members",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      const { batchId } = await removeContactsFromProject(db.prisma, {
        companyId: w.companyId,
        projectId: w.granted,
        contactIds: [contact.id],
      });
      return async () => fromResult(await undoBatchAction({ companyId: w.companyId, batchId: batchId! }));
    },
  },
  "add contacts to the project": {
    needs: "manage project members",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId);
      return async () =>
        fromResult(
          await addContactsToProjectAction({ companyId: w.companyId, projectId: w.granted, contactIds: [contact.id] }),
        );
    },
  },
  "remove contacts from the project": {
    needs: "manage project members",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      return async () =>
        fromResult(
          await removeContactsFromProjectAction({
            companyId: w.companyId,
            projectId: w.granted,
            contactIds: [contact.id],
          }),
        );
    },
  },
  "add contacts to another project": {
    needs: "manage project members",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId);
      return async () =>
        fromResult(
          await addContactsToProjectAction({ companyId: w.companyId, projectId: w.other, contactIds: [contact.id] }),
        );
    },
  },
  "remove contacts from another project": {
    needs: "manage project members",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.other]: "ACTIVE" } });
      return async () =>
        fromResult(
          await removeContactsFromProjectAction({
            companyId: w.companyId,
            projectId: w.other,
            contactIds: [contact.id],
          }),
        );
    },
  },
  "create a contact": {
    needs: "edit contacts",
    prepare:
      async ({ w }) =>
      async () =>
        fromContactForm(await createContactAction({}, form({ companyId: w.companyId, ...newContactFields() }))),
  },
  "create a contact on the project": {
    needs: "edit contacts",
    prepare:
      async ({ w }) =>
      async () =>
        fromContactForm(
          await createContactAction({}, form({ companyId: w.companyId, projectId: w.granted, ...newContactFields() })),
        ),
  },
  "create a contact on another project": {
    needs: "edit contacts",
    prepare:
      async ({ w }) =>
      async () =>
        fromContactForm(
          await createContactAction({}, form({ companyId: w.companyId, projectId: w.other, ...newContactFields() })),
        ),
  },
  "create a worker from a crew on the project": {
    needs: "edit contacts",
    prepare: async ({ w, db }) => {
      const crew = await crewOn(db.prisma, w.companyId, w.granted);
      return async () =>
        fromContactForm(
          await createContactAction({}, form({ companyId: w.companyId, crewId: crew.id, ...newContactFields() })),
        );
    },
  },
  "edit a contact": {
    needs: "edit contacts",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId);
      return async () =>
        fromContactForm(
          await updateContactAction(
            {},
            form({
              companyId: w.companyId,
              contactId: contact.id,
              firstName: contact.firstName,
              lastName: contact.lastName,
              jobTitle: "Welder",
            }),
          ),
        );
    },
  },
  "create a crew on the project": {
    needs: "edit contacts",
    prepare:
      async ({ w }) =>
      async () =>
        fromResult(
          await createCrewAction({
            companyId: w.companyId,
            projectId: w.granted,
            name: `Crew ${randomUUID().slice(0, 8)}`,
          }),
        ),
  },
  "create a crew on another project": {
    needs: "edit contacts",
    prepare:
      async ({ w }) =>
      async () =>
        fromResult(
          await createCrewAction({
            companyId: w.companyId,
            projectId: w.other,
            name: `Crew ${randomUUID().slice(0, 8)}`,
          }),
        ),
  },
  "add workers to a crew on the project": {
    needs: "edit contacts",
    prepare: async ({ w, db }) => {
      const crew = await crewOn(db.prisma, w.companyId, w.granted);
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      return async () =>
        fromResult(await addCrewMembersAction({ companyId: w.companyId, crewId: crew.id, contactIds: [contact.id] }));
    },
  },
  "remove a worker from a crew on the project": {
    needs: "edit contacts",
    prepare: async ({ w, db }) => {
      const crew = await crewOn(db.prisma, w.companyId, w.granted);
      const contact = await createContact(db.prisma, w.companyId, { projects: { [w.granted]: "ACTIVE" } });
      await db.prisma.crewMember.create({ data: { companyId: w.companyId, crewId: crew.id, contactId: contact.id } });
      return async () =>
        fromResult(await removeCrewMemberAction({ companyId: w.companyId, crewId: crew.id, contactId: contact.id }));
    },
  },
  "set a user's Directory level": {
    needs: "manage users",
    prepare: async ({ w, db }) => {
      const { user } = await createUserWithToken(db.prisma, w.companyId, "READ_ONLY");
      return async () =>
        fromResult(await setPermissionAction({ companyId: w.companyId, userId: user.id, level: "ADMIN" }));
    },
  },
  "set a user's level on the project": {
    needs: "manage users",
    prepare: async ({ w, db }) => {
      const { user } = await createUserWithToken(db.prisma, w.companyId, "READ_ONLY");
      return async () =>
        fromResult(
          await setPermissionAction({ companyId: w.companyId, userId: user.id, projectId: w.granted, level: "ADMIN" }),
        );
    },
  },
  "add a user": {
    needs: "manage users",
    prepare:
      async ({ w }) =>
      async () =>
        fromAddUserForm(
          await addUserAction(
            {},
            form({
              companyId: w.companyId,
              name: "New User",
              email: `new-${randomUUID().slice(0, 8)}@example.com`,
              level: "ADMIN",
            }),
          ),
        ),
  },
  "invite a contact to Rollcall": {
    needs: "manage users",
    prepare: async ({ w, db }) => {
      const contact = await createContact(db.prisma, w.companyId, {
        email: `contact-${randomUUID().slice(0, 8)}@example.com`,
      });
      return async () =>
        fromResult(await inviteContactAction({ companyId: w.companyId, contactId: contact.id, level: "READ_ONLY" }));
    },
  },
  "inactivate a user": {
    needs: "manage users",
    prepare: async ({ w, db }) => {
      const { user } = await createUserWithToken(db.prisma, w.companyId, "READ_ONLY");
      return async () => fromResult(await inactivateUsersAction({ companyId: w.companyId, userIds: [user.id] }));
    },
  },
  "reactivate a user": {
    needs: "manage users",
    prepare: async ({ w, db }) => {
      const { user } = await createUserWithToken(db.prisma, w.companyId, "READ_ONLY");
      await db.prisma.companyMember.updateMany({
        where: { companyId: w.companyId, userId: user.id },
        data: { status: "INACTIVE" },
      });
      return async () => fromResult(await reactivateUsersAction({ companyId: w.companyId, userIds: [user.id] }));
    },
  },
  "create an API token for oneself": {
    needs: "view contacts",
    prepare:
      async ({ w }) =>
      async () =>
        fromResult(await createApiTokenAction({ companyId: w.companyId, name: "Payroll sync" })),
  },
  "revoke one's own API token": {
    needs: "view contacts",
    prepare: async ({ w, db, me }) => {
      const { record } = await createApiToken(db.prisma, { companyId: w.companyId, userId: me, name: "mine" });
      return async () => fromResult(await revokeApiTokenAction({ companyId: w.companyId, tokenId: record.id }));
    },
  },
  "revoke another user's API token": {
    needs: "view contacts",
    prepare: async ({ w, db }) => {
      const { user } = await createUserWithToken(db.prisma, w.companyId, "STANDARD");
      const { id } = await db.prisma.apiToken.findFirstOrThrow({ where: { userId: user.id } });
      return async () => fromResult(await revokeApiTokenAction({ companyId: w.companyId, tokenId: id }));
    },
  },
  "create a project": {
    needs: "create projects",
    prepare:
      async ({ w }) =>
      async () => {
        const tag = randomUUID().slice(0, 8);
        const result = await createProjectAction({ companyId: w.companyId, name: `Pier ${tag}`, number: tag });
        return result.error === null && "project" in result.data ? { ok: true } : fromResult(result);
      },
  },
} satisfies Record<string, Action>;
type ActionName = keyof typeof ACTIONS;

/** Done. */
const Y = "allowed";
/** Refused with the permission's message (REFUSAL). */
const N = "refused";
/** "Company not found.": to a non-member, company A does not exist. */
const X = "no such company";
/** Only company admins revoke others' tokens; to anyone else, another's token is not found. */
const F = "token not found";
type Expected = typeof Y | typeof N | typeof X | typeof F;

// In ROLES' order:
//   not a member | None | Read Only | Standard | Admin | project admin | project member | Standard kept to Read Only
const MATRIX: Record<ActionName, [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected]> = {
  "inactivate contacts": [X, N, N, N, Y, N, N, N],
  "reactivate contacts": [X, N, N, N, Y, N, N, N],
  "undo an inactivation": [X, N, N, N, Y, N, N, N],
  "merge contacts": [X, N, N, N, Y, N, N, N],
  "undo a merge": [X, N, N, N, Y, N, N, N],
  "mark a group as not duplicates": [X, N, N, N, Y, N, N, N],
  "undo a removal from the project": [X, N, N, N, Y, Y, N, N],
  "add contacts to the project": [X, N, N, N, Y, Y, N, N],
  "remove contacts from the project": [X, N, N, N, Y, Y, N, N],
  "add contacts to another project": [X, N, N, N, Y, N, N, N],
  "remove contacts from another project": [X, N, N, N, Y, N, N, N],
  "create a contact": [X, N, N, Y, Y, N, N, Y],
  "create a contact on the project": [X, N, N, Y, Y, Y, Y, N],
  "create a contact on another project": [X, N, N, Y, Y, N, N, Y],
  "create a worker from a crew on the project": [X, N, N, Y, Y, Y, Y, N],
  "edit a contact": [X, N, N, Y, Y, N, N, Y],
  "create a crew on the project": [X, N, N, Y, Y, Y, Y, N],
  "create a crew on another project": [X, N, N, Y, Y, N, N, Y],
  "add workers to a crew on the project": [X, N, N, Y, Y, Y, Y, N],
  "remove a worker from a crew on the project": [X, N, N, Y, Y, Y, Y, N],
  "set a user's Directory level": [X, N, N, N, Y, N, N, N],
  "set a user's level on the project": [X, N, N, N, Y, N, N, N],
  "add a user": [X, N, N, N, Y, N, N, N],
  "invite a contact to Rollcall": [X, N, N, N, Y, N, N, N],
  "inactivate a user": [X, N, N, N, Y, N, N, N],
  "reactivate a user": [X, N, N, N, Y, N, N, N],
  "create an API token for oneself": [X, N, Y, Y, Y, Y, N, Y],
  "revoke one's own API token": [X, N, Y, Y, Y, Y, N, Y],
  "revoke another user's API token": [X, N, F, F, Y, F, N, F],
  "create a project": [X, N, N, N, Y, N, N, N],
};

const CASES = (Object.keys(MATRIX) as ActionName[]).flatMap((action) =>
  ROLE_NAMES.map((role, i) => [role, action, MATRIX[action][i]!] as const),
);

function expectedMessage(expected: Exclude<Expected, typeof Y>, needs: Permission): string {
  if (expected === N) return REFUSAL[needs];
  if (expected === X) return COMPANY_NOT_FOUND;
  return "Token not found, or already revoked.";
}

describe.each(TEST_DATABASES)("server action permissions on %s", (kind) => {
  let db: Database;
  let world: World;
  const users = {} as Record<Role, { userId: string; cookie: string }>;

  /** The next action runs in a request carrying this role's session cookie (or none). */
  function actAs(role: Role | null) {
    request.headers = new Headers(role ? { cookie: users[role].cookie } : {});
  }

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
    const foreignInactive = await createContact(db.prisma, foreignCompany.id, {
      status: "INACTIVE",
      projects: { [foreignProject.id]: "INACTIVE" },
    });
    const foreignCrew = await crewOn(db.prisma, foreignCompany.id, foreignProject.id);
    await db.prisma.crewMember.create({
      data: { companyId: foreignCompany.id, crewId: foreignCrew.id, contactId: foreignContact.id },
    });
    const foreignUser = await createUserWithToken(db.prisma, foreignCompany.id, "STANDARD");
    const foreignToken = await db.prisma.apiToken.findFirstOrThrow({ where: { userId: foreignUser.user.id } });
    world = {
      companyId: company.id,
      granted: granted.id,
      other: other.id,
      foreign: {
        companyId: foreignCompany.id,
        projectId: foreignProject.id,
        contactId: foreignContact.id,
        inactiveContactId: foreignInactive.id,
        crewId: foreignCrew.id,
        userId: foreignUser.user.id,
        tokenId: foreignToken.id,
      },
    };
    for (const role of ROLE_NAMES) {
      const levels: { company: PermissionLevel; granted?: PermissionLevel } | null = ROLES[role];
      // Not a member: an Admin of company B only.
      const { userId, email } = levels
        ? await createUserWithPassword(
            db.prisma,
            company.id,
            levels.company,
            levels.granted ? { [granted.id]: levels.granted } : {},
          )
        : await createUserWithPassword(db.prisma, foreignCompany.id, "ADMIN");
      users[role] = { userId, cookie: await signIn(db.prisma, email) };
    }
  });
  afterAll(() => closeApiTestDatabase(db));
  beforeEach(() => {
    revalidatePath.mockClear();
    actAs(null);
  });

  async function expectOutcome(role: Role, action: ActionName, expected: Expected, w: World) {
    const { needs, prepare } = ACTIONS[action];
    const run = await prepare({ w, db, me: users[role].userId });
    const before = await fullSnapshot(db.prisma, world.companyId);

    actAs(role);
    const outcome = await run();

    const after = await fullSnapshot(db.prisma, world.companyId);
    if (expected === Y) {
      expect(outcome).toEqual({ ok: true });
      expect(after).not.toEqual(before);
      expect(revalidatePath).toHaveBeenCalled();
    } else {
      expect(outcome).toEqual({ ok: false, message: expectedMessage(expected, needs) });
      expect(after).toEqual(before);
      expect(revalidatePath).not.toHaveBeenCalled();
    }
  }

  test.each(CASES)("%s: %s → %s", (role, action, expected) => expectOutcome(role, action, expected, world));

  // Grants are kept by the lower-case id: an upper-cased one must not fall back to the company level.
  test.each(CASES)("with upper-case ids, %s: %s → %s", (role, action, expected) =>
    expectOutcome(role, action, expected, upperCaseIds(world)),
  );

  test.each(Object.keys(ACTIONS) as ActionName[])(
    "%s without a session → asked to sign in, nothing changed",
    async (action) => {
      const run = await ACTIONS[action].prepare({ w: world, db, me: users.Admin.userId });
      const before = await fullSnapshot(db.prisma, world.companyId);
      request.headers = new Headers({ cookie: "rollcall.session_token=forged.value" });
      expect(await run()).toEqual({ ok: false, message: SESSION_ENDED });
      actAs(null);
      expect(await run()).toEqual({ ok: false, message: SESSION_ENDED });
      expect(await fullSnapshot(db.prisma, world.companyId)).toEqual(before);
    },
  );

  test("each call reads its own request's session: outside a React render, cache() keeps nothing", async () => {
    actAs("Admin");
    expect((await getSessionUser())?.id).toBe(users.Admin.userId);
    expect((await getCurrentActor(world.companyId))?.companyLevel).toBe("ADMIN");
    actAs("Read Only");
    expect((await getSessionUser())?.id).toBe(users["Read Only"].userId);
    expect((await getCurrentActor(world.companyId))?.companyLevel).toBe("READ_ONLY");
    actAs(null);
    expect(await getSessionUser()).toBeNull();
    expect(await getCurrentActor(world.companyId)).toBeNull();

    // The same action, one after another, as different users.
    const contact = await createContact(db.prisma, world.companyId);
    const inactivate = () => inactivateContactsAction({ companyId: world.companyId, contactIds: [contact.id] });
    actAs("Read Only");
    expect((await inactivate()).error).toBe(REFUSAL["change contact status"]);
    actAs("Admin");
    expect((await inactivate()).data?.changed).toBe(1);
    actAs("Standard");
    expect((await reactivateContactsAction({ companyId: world.companyId, contactIds: [contact.id] })).error).toBe(
      REFUSAL["change contact status"],
    );
  });

  test("a level changed by an admin applies to the user's very next action", async () => {
    const { userId, email } = await createUserWithPassword(db.prisma, world.companyId, "READ_ONLY");
    const cookie = await signIn(db.prisma, email);
    const create = () => createContactAction({}, form({ companyId: world.companyId, ...newContactFields() }));
    request.headers = new Headers({ cookie });
    expect((await create()).message).toBe(REFUSAL["edit contacts"]);
    actAs("Admin");
    expect(await setPermissionAction({ companyId: world.companyId, userId, level: "STANDARD" })).toEqual({
      data: { saved: true },
      error: null,
    });
    request.headers = new Headers({ cookie });
    expect((await create()).contactId).toBeDefined();
  });

  test("the lifecycle dialog's project count answers admins only, for their own company's contacts", async () => {
    const contact = await createContact(db.prisma, world.companyId, { projects: { [world.granted]: "ACTIVE" } });
    const count = async (role: Role, companyId = world.companyId, contactIds = [contact.id]) => {
      actAs(role);
      const result = await countProjectDirectoriesAction({ companyId, contactIds, status: "ACTIVE" });
      return result.error === null ? result.data : result.error;
    };
    expect(await count("Admin")).toBe(1);
    expect(await count("Admin", world.companyId.toUpperCase(), [contact.id.toUpperCase()])).toBe(1);
    expect(await count("Admin", world.companyId, [world.foreign.contactId])).toBe(0);
    expect(await count("Standard")).toBe(REFUSAL["change contact status"]);
    expect(await count("project admin (Read Only, Admin on the project)")).toBe(REFUSAL["change contact status"]);
    expect(await count("not a member")).toBe(COMPANY_NOT_FOUND);
    expect(await count("Admin", world.foreign.companyId)).toBe(COMPANY_NOT_FOUND);
  });

  test("the project picker offers what each role may see, and never another company's projects", async () => {
    const search = async (role: Role, companyId = world.companyId) => {
      actAs(role);
      const result = await searchProjectOptionsAction({ companyId, q: "" });
      return result.error === null ? result.data.map((o) => o.id).toSorted() : result.error;
    };
    // The first 20 in name order: the projects the matrix above created are company A's too.
    const both = (
      await db.prisma.project.findMany({
        where: { companyId: world.companyId },
        orderBy: [{ nameSortKey: "asc" }, { id: "asc" }],
        take: 20,
      })
    )
      .map((p) => p.id)
      .toSorted();
    expect(both).toEqual(expect.arrayContaining([world.granted, world.other]));
    expect(await search("Admin")).toEqual(both);
    expect(await search("Admin", world.companyId.toUpperCase())).toEqual(both);
    expect(await search("Read Only")).toEqual(both);
    expect(await search("Standard kept to Read Only on the project")).toEqual(both);
    expect(await search("None")).toBe(REFUSAL["view contacts"]);
    expect(await search("not a member")).toBe(COMPANY_NOT_FOUND);
    expect(await search("Admin", world.foreign.companyId)).toBe(COMPANY_NOT_FOUND);
  });

  test("New Project says a number already in use on its field, creating nothing", async () => {
    actAs("Admin");
    const number = randomUUID().slice(0, 8);
    const first = await createProjectAction({ companyId: world.companyId, name: "Dock A", number });
    expect(first.error).toBeNull();
    const before = await fullSnapshot(db.prisma, world.companyId);
    expect(await createProjectAction({ companyId: world.companyId, name: "Dock B", number: ` ${number} ` })).toEqual({
      data: { numberTaken: `A project numbered ${number} already exists.` },
      error: null,
    });
    expect(await createProjectAction({ companyId: world.companyId, name: "   " })).toEqual({
      data: null,
      error: "Enter a project name.",
    });
    expect(await fullSnapshot(db.prisma, world.companyId)).toEqual(before);
  });

  describe("another company's ids, as company A's Admin", () => {
    /** Calls in company A naming company B's records, and what each answers. */
    const CALLS: [string, (w: World) => Promise<Outcome>, Outcome | "skipped"][] = [
      [
        "inactivate B's contact",
        async (w) =>
          fromResult(await inactivateContactsAction({ companyId: w.companyId, contactIds: [w.foreign.contactId] })),
        "skipped",
      ],
      [
        "reactivate B's contact",
        async (w) =>
          fromResult(
            await reactivateContactsAction({ companyId: w.companyId, contactIds: [w.foreign.inactiveContactId] }),
          ),
        "skipped",
      ],
      [
        "add B's contact to A's project",
        async (w) =>
          fromResult(
            await addContactsToProjectAction({
              companyId: w.companyId,
              projectId: w.granted,
              contactIds: [w.foreign.contactId],
            }),
          ),
        "skipped",
      ],
      [
        "remove B's contact from B's project, named in A",
        async (w) =>
          fromResult(
            await removeContactsFromProjectAction({
              companyId: w.companyId,
              projectId: w.foreign.projectId,
              contactIds: [w.foreign.contactId],
            }),
          ),
        { ok: false, message: "Project not found." },
      ],
      [
        "remove B's contact from A's project",
        async (w) =>
          fromResult(
            await removeContactsFromProjectAction({
              companyId: w.companyId,
              projectId: w.granted,
              contactIds: [w.foreign.contactId],
            }),
          ),
        "skipped",
      ],
      [
        "edit B's contact",
        async (w) =>
          fromContactForm(
            await updateContactAction(
              {},
              form({ companyId: w.companyId, contactId: w.foreign.contactId, firstName: "Hi", lastName: "Jacked" }),
            ),
          ),
        { ok: false, message: "Contact not found." },
      ],
      [
        "create a contact on B's project",
        async (w) =>
          fromContactForm(
            await createContactAction(
              {},
              form({ companyId: w.companyId, projectId: w.foreign.projectId, ...newContactFields() }),
            ),
          ),
        { ok: false, message: "A project was not found." },
      ],
      [
        "create a worker on B's crew",
        async (w) =>
          fromContactForm(
            await createContactAction(
              {},
              form({ companyId: w.companyId, crewId: w.foreign.crewId, ...newContactFields() }),
            ),
          ),
        { ok: false, message: "That crew no longer exists. Reload the page." },
      ],
      [
        "create a crew on B's project",
        async (w) =>
          fromResult(
            await createCrewAction({ companyId: w.companyId, projectId: w.foreign.projectId, name: "Raiders" }),
          ),
        { ok: false, message: "Project not found." },
      ],
      [
        "add B's contact to B's crew",
        async (w) =>
          fromResult(
            await addCrewMembersAction({
              companyId: w.companyId,
              crewId: w.foreign.crewId,
              contactIds: [w.foreign.contactId],
            }),
          ),
        { ok: false, message: "That crew no longer exists. Reload the page." },
      ],
      [
        "remove B's worker from B's crew",
        async (w) =>
          fromResult(
            await removeCrewMemberAction({
              companyId: w.companyId,
              crewId: w.foreign.crewId,
              contactId: w.foreign.contactId,
            }),
          ),
        { ok: false, message: "That crew no longer exists. Reload the page." },
      ],
      [
        "set B's user's level",
        async (w) =>
          fromResult(await setPermissionAction({ companyId: w.companyId, userId: w.foreign.userId, level: "ADMIN" })),
        { ok: false, message: "User not found in this company." },
      ],
      [
        "revoke B's user's token",
        async (w) => fromResult(await revokeApiTokenAction({ companyId: w.companyId, tokenId: w.foreign.tokenId })),
        { ok: false, message: "Token not found, or already revoked." },
      ],
      [
        "inactivate B's contact, named in B",
        async (w) =>
          fromResult(
            await inactivateContactsAction({ companyId: w.foreign.companyId, contactIds: [w.foreign.contactId] }),
          ),
        { ok: false, message: COMPANY_NOT_FOUND },
      ],
    ];

    test.each(CALLS)("%s is answered as if B's record did not exist, and B is untouched", async (_, call, expected) => {
      const foreignBefore = await fullSnapshot(db.prisma, world.foreign.companyId);
      const ownBefore = await fullSnapshot(db.prisma, world.companyId);
      actAs("Admin");
      const outcome = await call(world);
      expect(outcome).toEqual(expected === "skipped" ? { ok: true } : expected);
      expect(await fullSnapshot(db.prisma, world.foreign.companyId)).toEqual(foreignBefore);
      expect(await fullSnapshot(db.prisma, world.companyId)).toEqual(ownBefore);
    });

    test("bulk actions report another company's ids as skipped, changing nothing", async () => {
      actAs("Admin");
      const result = await inactivateContactsAction({
        companyId: world.companyId,
        contactIds: [world.foreign.contactId],
      });
      expect(result).toEqual({
        data: {
          batchId: null,
          changed: 0,
          skipped: [{ id: world.foreign.contactId, reason: "not found" }],
          projectsAffected: 0,
        },
        error: null,
      });
      const added = await addContactsToProjectAction({
        companyId: world.companyId,
        projectId: world.granted,
        contactIds: [world.foreign.contactId],
      });
      expect(added).toEqual({
        data: {
          batchId: null,
          changed: 0,
          skipped: [{ id: world.foreign.contactId, reason: "not found" }],
          projectsAffected: 0,
        },
        error: null,
      });
      expect(revalidatePath).not.toHaveBeenCalled();
    });
  });
});
