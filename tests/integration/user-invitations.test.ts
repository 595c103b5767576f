import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import { companySchema, listOf } from "@/server/api/schemas";
import { authFor } from "@/server/auth/get-auth";
import { requestPasswordReset, resetPasswordWithToken } from "@/server/auth/reset-password";
import type { Database } from "@/server/db/open-database";
import { acceptInvitation } from "@/server/users/accept-invitation";
import { INVITATION_RATE, TOO_MANY_INVITATIONS, inviteUser } from "@/server/users/invite-user";
import { listCompanyUsers } from "@/server/users/list-company-users";
import { INVITATION_LINK_INVALID } from "@/server/users/pending-invitation";
import { resendInvitation } from "@/server/users/resend-invitation";
import { revokeInvitation } from "@/server/users/revoke-invitation";
import { callApi, closeApiTestDatabase, expectSuccess, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany } from "../helpers/factories";
import { PASSWORD, createUserWithPassword, signIn } from "../helpers/sessions";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";

const NEW_PASSWORD = "my own password 42";
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const email = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;
/** The token and company of a link in a message. */
function linkParts(link: string) {
  const url = new URL(link);
  return { token: url.searchParams.get("token")!, companyId: url.searchParams.get("company")! };
}

describe.each(TEST_DATABASES)("users invited by email, on %s", (kind) => {
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

  const invite = (address: string, name = "Nora New") =>
    inviteUser(db.prisma, { companyId, name, email: address, level: "STANDARD", by: admin });
  const member = (userId: string) =>
    db.prisma.companyMember.findUnique({ where: { companyId_userId: { companyId, userId } } });
  const accept = (link: string, password = NEW_PASSWORD) =>
    acceptInvitation(db.prisma, authFor(db.prisma), { ...linkParts(link), password, headers: headers() });

  test("an invitation email has a text and an HTML part, a clear subject and a link on BETTER_AUTH_URL; the user shows as Invited", async () => {
    const address = email("nora");
    const { userId, status } = await invite(address);
    expect(status).toBe("INVITED");
    const mail = await smtp.latest(address);
    expect(mail.subject).toMatch(/^You're invited to Test Co .+ on Rollcall$/);
    expect(mail.text).toContain("Ada Admin invited you");
    expect(mail.html).toContain('<a href="http://rollcall.test/accept-invitation?');
    expect(mail.links).toHaveLength(1);
    expect(mail.links[0]).toMatch(/^http:\/\/rollcall\.test\/accept-invitation\?company=/);
    const { users } = await listCompanyUsers(db.prisma, { companyId });
    const listed = users.find((u) => u.id === userId)!;
    expect(listed.status).toBe("INVITED");
    expect(listed.invitation?.sentAt).toBeInstanceOf(Date);
    expect(listed.invitation!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    // No password exists until the person chooses one.
    expect(await db.prisma.account.count({ where: { userId } })).toBe(0);
  });

  test("following the link sets the person's own password once; they sign in and the company opens for them", async () => {
    const address = email("joiner");
    const { userId } = await invite(address);
    const [link] = (await smtp.latest(address)).links;
    await accept(link!);
    expect((await member(userId))?.status).toBe("ACTIVE");
    const cookie = await signIn(db.prisma, address, NEW_PASSWORD);
    const { data } = expectSuccess(
      await callApi(companiesRoute.GET, { token: null, headers: { cookie } }),
      listOf(companySchema),
    );
    expect(data.map((c) => c.id)).toEqual([companyId]);
    const events = await db.prisma.userEvent.findMany({ where: { companyId, userId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.invited", "user.joined"]);

    // Used twice: refused, and the password stays the one chosen first.
    await expect(accept(link!, "someone else's 123")).rejects.toThrow(INVITATION_LINK_INVALID);
    await expect(signIn(db.prisma, address, "someone else's 123")).rejects.toThrow();
  });

  test("an expired link, a revoked one and a replaced one are refused with the same words and change nothing", async () => {
    const expired = email("expired");
    const first = await invite(expired);
    const [expiredLink] = (await smtp.latest(expired)).links;
    await db.prisma.verification.updateMany({
      where: { identifier: `reset-password:${linkParts(expiredLink!).token}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(accept(expiredLink!)).rejects.toThrow(INVITATION_LINK_INVALID);
    expect((await member(first.userId))?.status).toBe("INVITED");

    const revoked = email("revoked");
    const second = await invite(revoked);
    const [revokedLink] = (await smtp.latest(revoked)).links;
    await revokeInvitation(db.prisma, { companyId, invitationId: second.invitationId!, by: admin });
    await expect(accept(revokedLink!)).rejects.toThrow(INVITATION_LINK_INVALID);
    expect(await member(second.userId)).toBeNull();
    expect(await db.prisma.account.count({ where: { userId: second.userId } })).toBe(0);

    const resent = email("resent");
    const third = await invite(resent);
    const [oldLink] = (await smtp.latest(resent)).links;
    await resendInvitation(db.prisma, { companyId, userId: third.userId, by: admin });
    expect(smtp.to(resent)).toHaveLength(2);
    const [newLink] = (await smtp.latest(resent)).links;
    expect(newLink).not.toBe(oldLink);
    await expect(accept(oldLink!)).rejects.toThrow(INVITATION_LINK_INVALID);
    await accept(newLink!);
    expect((await member(third.userId))?.status).toBe("ACTIVE");
  });

  test("a link is for its own company: the same token under another company's id is refused", async () => {
    const address = email("elsewhere");
    const { userId } = await invite(address);
    const { token } = linkParts((await smtp.latest(address)).links[0]!);
    const other = (await createCompany(db.prisma)).id;
    await expect(
      acceptInvitation(db.prisma, authFor(db.prisma), {
        companyId: other,
        token,
        password: NEW_PASSWORD,
        headers: headers(),
      }),
    ).rejects.toThrow(INVITATION_LINK_INVALID);
    expect((await member(userId))?.status).toBe("INVITED");
  });

  test("inviting someone already a user of the company is refused, and nothing is sent", async () => {
    const address = email("twice");
    await invite(address);
    const sent = smtp.to(address).length;
    await expect(invite(address)).rejects.toThrow(/already invited/);
    const { email: active } = await createUserWithPassword(db.prisma, companyId, "READ_ONLY");
    await expect(invite(active)).rejects.toThrow(`${active} is already a user of this company.`);
    expect(smtp.to(address)).toHaveLength(sent);
    expect(smtp.to(active)).toHaveLength(0);
  });

  test("a person who signs in elsewhere with their own password is added at once, told by email, and keeps it", async () => {
    const elsewhere = (await createCompany(db.prisma)).id;
    const { email: address, userId } = await createUserWithPassword(db.prisma, elsewhere, "READ_ONLY");
    const result = await invite(address);
    expect(result).toEqual({ userId, status: "ACTIVE", invitationId: null });
    const mail = await smtp.latest(address);
    expect(mail.subject).toMatch(/^You were added to .+ on Rollcall$/);
    expect(mail.text).toContain("Sign in with the email and password you already use");
    expect(mail.links[0]).toBe(`http://rollcall.test/companies/${companyId}/directory/contacts`);
    await signIn(db.prisma, address, PASSWORD);
  });

  test("a login whose password another company's admin could know is invited to choose a new one, never joined as it is", async () => {
    const elsewhere = (await createCompany(db.prisma)).id;
    const { email: address, userId } = await createUserWithPassword(db.prisma, elsewhere, "READ_ONLY");
    await db.prisma.account.updateMany({ where: { userId }, data: { passwordSetByCompanyId: elsewhere } });
    const result = await invite(address);
    expect(result.status).toBe("INVITED");
    expect((await member(userId))?.status).toBe("INVITED");
    // The other company's admin, who knows the old password, cannot reach this company with it.
    const cookie = await signIn(db.prisma, address, PASSWORD);
    const { data } = expectSuccess(
      await callApi(companiesRoute.GET, { token: null, headers: { cookie } }),
      listOf(companySchema),
    );
    expect(data.map((c) => c.id)).toEqual([elsewhere]);
    // Choosing a password through the emailed link ends that: the old one stops working.
    await accept((await smtp.latest(address)).links[0]!);
    await expect(signIn(db.prisma, address, PASSWORD)).rejects.toThrow();
    expect((await db.prisma.account.findFirst({ where: { userId } }))?.passwordSetByCompanyId).toBeNull();
  });

  test(`an admin sending more than ${INVITATION_RATE.max} invitations a minute is refused, across app processes`, async () => {
    // A second client on the same database stands in for a second app process.
    const second = kind === "postgres" ? await openTestDatabase(kind) : db;
    try {
      const attempts = Array.from({ length: INVITATION_RATE.max + 5 }, (_, i) =>
        inviteUser(i % 2 ? second.prisma : db.prisma, {
          companyId,
          name: `Bulk ${i}`,
          email: email(`bulk${i}`),
          level: "READ_ONLY",
          by: admin,
        }).then(
          () => "sent",
          (e: Error) => e.message,
        ),
      );
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter((o) => o === "sent")).toHaveLength(INVITATION_RATE.max);
      expect(outcomes.filter((o) => o === TOO_MANY_INVITATIONS)).toHaveLength(5);
      expect(await db.prisma.invitation.count({ where: { companyId } })).toBe(INVITATION_RATE.max);
    } finally {
      if (second !== db) await second.close();
    }
  });
});

describe.each(TEST_DATABASES)("Forgot password, on %s", (kind) => {
  let db: Database;
  let smtp: TestSmtpServer;
  const headers = () => new Headers({ "x-forwarded-for": `10.9.${randomInt(256)}.${randomInt(1, 255)}` });

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

  test("answers the same for an unknown address, and sends nothing to it", async () => {
    const nobody = email("nobody");
    expect(await requestPasswordReset(authFor(db.prisma), headers(), nobody)).toBe("sent");
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.to(nobody)).toHaveLength(0);
  });

  test("the link works once, for a short time, and using it signs out every other session", async () => {
    const companyId = (await createCompany(db.prisma)).id;
    const { email: address } = await createUserWithPassword(db.prisma, companyId, "STANDARD");
    const oldSession = await signIn(db.prisma, address);
    expect(await requestPasswordReset(authFor(db.prisma), headers(), address)).toBe("sent");
    const mail = await smtp.latest(address);
    expect(mail.subject).toBe("Reset your Rollcall password");
    expect(mail.html).toContain('<a href="http://rollcall.test/reset-password?token=');
    const token = new URL(mail.links[0]!).searchParams.get("token")!;
    const stored = await db.prisma.verification.findFirstOrThrow({ where: { identifier: `reset-password:${token}` } });
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    expect(await resetPasswordWithToken(authFor(db.prisma), headers(), { token, password: NEW_PASSWORD })).toBe(
      "reset",
    );
    const refused = await callApi(companiesRoute.GET, { token: null, headers: { cookie: oldSession } });
    expect(refused.status).toBe(401);
    await signIn(db.prisma, address, NEW_PASSWORD);
    // Replayed: refused, and the password stays.
    expect(await resetPasswordWithToken(authFor(db.prisma), headers(), { token, password: "replayed pass 123" })).toBe(
      "invalid token",
    );
    await signIn(db.prisma, address, NEW_PASSWORD);
  });
});
