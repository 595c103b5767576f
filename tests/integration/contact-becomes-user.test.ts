import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as inviteRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/invite/route";
import * as contactRoute from "@/app/api/v1/companies/[companyId]/contacts/[contactId]/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import * as usersRoute from "@/app/api/v1/companies/[companyId]/users/route";
import { contactDetailSchema, contactPageSchema } from "@/server/api/schemas";
import { userPageSchema, userSchema } from "@/server/api/user-schemas";
import { authFor } from "@/server/auth/get-auth";
import {
  INVITATION_NOT_A_RESET,
  RESET_NOT_AN_INVITATION,
  requestPasswordReset,
  resetForgottenPassword,
} from "@/server/auth/reset-password";
import type { Database } from "@/server/db/open-database";
import { acceptInvitation } from "@/server/users/accept-invitation";
import { inviteContact } from "@/server/users/invite-contact";
import { INVITATION_LINK_INVALID } from "@/server/users/pending-invitation";
import { revokeInvitation } from "@/server/users/revoke-invitation";
import { callApi, closeApiTestDatabase, expectError, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import {
  createCompany,
  createContact,
  createProject,
  createUserWithToken,
  membershipStatuses,
} from "../helpers/factories";
import { PASSWORD, createUserWithPassword, signIn } from "../helpers/sessions";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

const NEW_PASSWORD = "my own password 42";
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const email = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;
function linkParts(link: string) {
  const url = new URL(link);
  return { token: url.searchParams.get("token")!, companyId: url.searchParams.get("company")! };
}

describe.each(TEST_DATABASES)("a contact becomes a user, on %s", (kind) => {
  let db: Database;
  let smtp: TestSmtpServer;
  let companyId: string;
  let admin: { actorId: string; actorName: string };
  const headers = () => new Headers({ "x-forwarded-for": someIp() });

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    process.env.BETTER_AUTH_URL = "http://rollcall.test";
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.BETTER_AUTH_URL;
    await smtp?.close();
    await closeApiTestDatabase(db);
  });
  beforeEach(async () => {
    companyId = (await createCompany(db.prisma)).id;
    const { userId } = await createUserWithPassword(db.prisma, companyId, "ADMIN");
    admin = { actorId: userId, actorName: "Ada Admin" };
  });

  const invite = (contactId: string) =>
    inviteContact(db.prisma, { companyId, contactId, level: "STANDARD", by: admin });
  const accept = (link: string) =>
    acceptInvitation(db.prisma, authFor(db.prisma), { ...linkParts(link), password: NEW_PASSWORD, headers: headers() });
  const contactRow = (id: string) =>
    db.prisma.contact.findUnique({
      where: { companyId_id: { companyId, id } },
      select: { status: true, userId: true },
    });
  const contactEvents = (contactId: string) =>
    db.prisma.contactEvent.findMany({ where: { companyId, contactId }, orderBy: { seq: "asc" } });
  const listContacts = (query: Record<string, string>) => callApi(contactsRoute.GET, { params: { companyId }, query });

  test("an invited contact who accepts is one record: a user on Users, gone from Contacts and its search, projects, crews and history kept", async () => {
    const address = email("carla");
    const project = await createProject(db.prisma, companyId);
    const contact = await createContact(db.prisma, companyId, {
      firstName: "Carla",
      lastName: "Contact",
      email: address,
      projects: { [project.id]: "ACTIVE" },
    });
    const crew = await db.prisma.crew.create({ data: { companyId, projectId: project.id, name: "Framers" } });
    await db.prisma.crewMember.create({ data: { companyId, crewId: crew.id, contactId: contact.id } });

    const result = await invite(contact.id);
    expect(result).toMatchObject({ status: "INVITED", email: address, name: "Carla Contact" });
    // Invited, not yet a user: still a contact, and the invitation remembers it.
    expect(await contactRow(contact.id)).toEqual({ status: "ACTIVE", userId: null });
    const invitation = await db.prisma.invitation.findUniqueOrThrow({
      where: { companyId_id: { companyId, id: result.invitationId! } },
    });
    expect(invitation.contactId).toBe(contact.id);

    const mail = await smtp.latest(address);
    expect(mail.subject).toMatch(/invited/i);
    await accept(mail.links[0]!);

    expect(await contactRow(contact.id)).toEqual({ status: "USER", userId: result.userId });
    const listed = expectSuccess(await listContacts({ q: "Carla" }), contactPageSchema);
    expect(listed.data.map((c) => c.id)).not.toContain(contact.id);
    expect(listed.total).toBe(0);
    const inactive = expectSuccess(await listContacts({ status: "inactive" }), contactPageSchema);
    expect(inactive.total).toBe(0);
    const users = expectSuccess(
      await callApi(usersRoute.GET, { params: { companyId }, query: { q: address } }),
      userPageSchema,
    );
    expect(users.data).toEqual([
      expect.objectContaining({ id: result.userId, status: "active", level: "standard", contactId: contact.id }),
    ]);
    // Their project, crew spot and history stay on the record.
    expect(await membershipStatuses(db.prisma, { companyId, id: contact.id })).toEqual({ [project.id]: "ACTIVE" });
    expect(await db.prisma.crewMember.count({ where: { companyId, contactId: contact.id } })).toBe(1);
    const detail = expectSuccess(
      await callApi(contactRoute.GET, { params: { companyId, contactId: contact.id } }),
      contactDetailSchema,
    );
    expect(detail.status).toBe("user");
    expect((await contactEvents(contact.id)).map((e) => [e.action, e.changes])).toEqual([
      ["contact.invited", { invitationId: result.invitationId, userId: result.userId, email: address }],
      ["contact.became_user", { status: { from: "ACTIVE", to: "USER" }, userId: result.userId }],
    ]);
    const userEvents = await db.prisma.userEvent.findMany({
      where: { companyId, userId: result.userId },
      orderBy: { seq: "asc" },
    });
    expect(userEvents.map((e) => [e.action, (e.changes as { contactId?: string }).contactId])).toEqual([
      ["user.invited", contact.id],
      ["user.joined", contact.id],
    ]);
    await signIn(db.prisma, address, NEW_PASSWORD);
  });

  test("revoking the invitation leaves the contact as it was, and it can be invited again", async () => {
    const contact = await createContact(db.prisma, companyId, { email: email("rev") });
    const first = await invite(contact.id);
    const [link] = (await smtp.latest(contact.email!)).links;
    await revokeInvitation(db.prisma, { companyId, invitationId: first.invitationId!, by: admin });
    await expect(accept(link!)).rejects.toThrow(INVITATION_LINK_INVALID);
    expect(await contactRow(contact.id)).toEqual({ status: "ACTIVE", userId: null });
    const listed = expectSuccess(await listContacts({ q: contact.lastName }), contactPageSchema);
    expect(listed.data.map((c) => c.id)).toEqual([contact.id]);
    const again = await invite(contact.id);
    expect(again.status).toBe("INVITED");
  });

  test("an email that is already a user of this company is refused with that user offered; nothing is sent or changed", async () => {
    const { email: address, userId } = await createUserWithPassword(db.prisma, companyId, "READ_ONLY");
    const contact = await createContact(db.prisma, companyId, { email: address.toUpperCase() });
    const error = await invite(contact.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict", message: `${address} is already a user of this company.` });
    expect((error as { details: { userId: string } }).details.userId).toBe(userId);
    expect(smtp.to(address)).toHaveLength(0);
    expect(await contactRow(contact.id)).toEqual({ status: "ACTIVE", userId: null });
    expect(await contactEvents(contact.id)).toEqual([]);
  });

  test("someone who signs in to another company with their own password is added at once, told, keeps it, and the contact is the user", async () => {
    const elsewhere = (await createCompany(db.prisma)).id;
    const { email: address, userId } = await createUserWithPassword(db.prisma, elsewhere, "READ_ONLY");
    const contact = await createContact(db.prisma, companyId, { email: address });
    const result = await invite(contact.id);
    expect(result).toMatchObject({ userId, status: "ACTIVE", invitationId: null });
    expect((await smtp.latest(address)).subject).toMatch(/^You were added to .+ on Rollcall$/);
    expect(await contactRow(contact.id)).toEqual({ status: "USER", userId });
    expect((await contactEvents(contact.id)).map((e) => e.action)).toEqual(["contact.became_user"]);
    await signIn(db.prisma, address, PASSWORD);
  });

  test("a contact without an email, an inactive one, a merged one and one already a user are refused, clearly, through the API", async () => {
    const noEmail = await createContact(db.prisma, companyId);
    const inactive = await createContact(db.prisma, companyId, { email: email("off"), status: "INACTIVE" });
    const post = (contactId: string) =>
      callApi(inviteRoute.POST, { params: { companyId, contactId }, body: { level: "read_only" } });
    expect(expectError(await post(noEmail.id), 409, "conflict").message).toMatch(/Add an email address/);
    expect(expectError(await post(inactive.id), 409, "conflict").message).toMatch(/Reactivate this contact/);
    const kept = await createContact(db.prisma, companyId, { email: email("kept") });
    const merged = await createContact(db.prisma, companyId, { email: email("merged") });
    await db.prisma.contact.updateMany({
      where: { companyId, id: merged.id },
      data: { status: "MERGED", mergedIntoId: kept.id },
    });
    expect(expectError(await post(merged.id), 409, "conflict").message).toMatch(/merged into another contact/);
    const { email: signsIn } = await createUserWithPassword(db.prisma, (await createCompany(db.prisma)).id, "NONE");
    const already = await createContact(db.prisma, companyId, { email: signsIn });
    expect(expectSuccess(await post(already.id), userSchema, 201).status).toBe("active");
    expect(expectError(await post(already.id), 409, "conflict").message).toBe(
      "This contact is already a Rollcall user.",
    );
    expect(
      await db.prisma.invitation.count({
        where: { companyId, contactId: { in: [noEmail.id, inactive.id, merged.id] } },
      }),
    ).toBe(0);
    const becomes = await createContact(db.prisma, companyId, { email: email("api") });
    const user = expectSuccess(await post(becomes.id), userSchema, 201);
    expect(user).toMatchObject({ status: "invited", level: "read_only", email: becomes.email });
    expect(expectError(await post(becomes.id), 409, "conflict").message).toMatch(/already invited/);
  });

  test("another company's contact id is not found, an upper-case id is the same contact, and a Standard user may not invite", async () => {
    const other = (await createCompany(db.prisma)).id;
    const theirs = await createContact(db.prisma, other, { email: email("theirs") });
    const body = { level: "read_only" };
    expectError(
      await callApi(inviteRoute.POST, { params: { companyId, contactId: theirs.id }, body }),
      404,
      "not_found",
    );
    expect(await db.prisma.invitation.count({ where: { companyId: other } })).toBe(0);
    const ours = await createContact(db.prisma, companyId, { email: email("upper") });
    const { token: standard } = await createUserWithToken(db.prisma, companyId, "STANDARD");
    expectError(
      await callApi(inviteRoute.POST, { params: { companyId, contactId: ours.id }, body, token: standard }),
      403,
      "forbidden",
    );
    const user = expectSuccess(
      await callApi(inviteRoute.POST, {
        params: { companyId: companyId.toUpperCase(), contactId: ours.id.toUpperCase() },
        body,
      }),
      userSchema,
      201,
    );
    expect(user.status).toBe("invited");
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { companyId, userId: user.id } });
    expect(invitation.contactId).toBe(ours.id);
  });

  test("two invitations of one contact at once: one is sent, the other is told it is already invited", async () => {
    const contact = await createContact(db.prisma, companyId, { email: email("twice") });
    const results = await Promise.allSettled([invite(contact.id), invite(contact.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason.message)).toMatch(/already invited/);
    expect(await db.prisma.invitation.count({ where: { companyId, contactId: contact.id } })).toBe(1);
    expect(smtp.to(contact.email!)).toHaveLength(1);
  });

  test("the reset-password page refuses an invitation's link and leaves it usable; accept-invitation refuses a reset link", async () => {
    const contact = await createContact(db.prisma, companyId, { email: email("tokens") });
    await invite(contact.id);
    const [link] = (await smtp.latest(contact.email!)).links;
    const auth = authFor(db.prisma);
    expect(
      await resetForgottenPassword(auth, headers(), { token: linkParts(link!).token, password: NEW_PASSWORD }),
    ).toBe("invitation token");
    expect(INVITATION_NOT_A_RESET).toMatch(/invitation, not a password reset/);
    await accept(link!);
    expect((await contactRow(contact.id))?.status).toBe("USER");

    // Now a login: a reset link for it is refused on the accept-invitation page, and still resets.
    await requestPasswordReset(auth, headers(), contact.email!);
    const reset = await smtp.latest(contact.email!);
    const token = new URL(reset.links[0]!).searchParams.get("token")!;
    await expect(
      acceptInvitation(db.prisma, auth, { companyId, token, password: "another password 7", headers: headers() }),
    ).rejects.toThrow(RESET_NOT_AN_INVITATION);
    expect(await resetForgottenPassword(auth, headers(), { token, password: "another password 7" })).toBe("reset");
    await signIn(db.prisma, contact.email!, "another password 7");
  });
});
