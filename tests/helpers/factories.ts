import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ContactStatus, MembershipStatus, PermissionLevel } from "@/generated/prisma/enums";
import { createApiToken } from "@/server/auth/api-tokens";

/** A company of its own for each test, so tests never see each other's rows. */
export async function createCompany(prisma: PrismaClient, name = `Test Co ${randomUUID().slice(0, 8)}`) {
  return prisma.company.create({ data: { name } });
}

export async function createProject(
  prisma: PrismaClient,
  companyId: string,
  name = `Project ${randomUUID().slice(0, 6)}`,
) {
  return prisma.project.create({ data: { companyId, name } });
}

export async function createVendor(
  prisma: PrismaClient,
  companyId: string,
  name = `Vendor ${randomUUID().slice(0, 6)}`,
) {
  return prisma.vendor.create({ data: { companyId, name, trade: "Electrical" } });
}

type ContactSeed = {
  firstName?: string;
  lastName?: string;
  email?: string;
  vendorId?: string;
  status?: ContactStatus;
  /** Memberships to create, by project id. */
  projects?: Record<string, MembershipStatus>;
};

/** A contact and its memberships, written as the app would leave them. */
export async function createContact(prisma: PrismaClient, companyId: string, seed: ContactSeed = {}) {
  const status = seed.status ?? "ACTIVE";
  const contact = await prisma.contact.create({
    data: {
      companyId,
      firstName: seed.firstName ?? "Pat",
      lastName: seed.lastName ?? `Worker ${randomUUID().slice(0, 6)}`,
      email: seed.email ?? null,
      vendorId: seed.vendorId ?? null,
      status,
      inactivatedAt: status === "INACTIVE" ? new Date() : null,
    },
  });
  const projects = Object.entries(seed.projects ?? {});
  if (projects.length) {
    await prisma.projectContact.createMany({
      data: projects.map(([projectId, membership]) => ({
        companyId,
        projectId,
        contactId: contact.id,
        status: membership,
        removedAt: membership === "REMOVED" ? new Date() : null,
      })),
    });
  }
  return contact;
}

export async function membershipStatuses(prisma: PrismaClient, contact: { companyId: string; id: string }) {
  const rows = await prisma.projectContact.findMany({
    where: { companyId: contact.companyId, contactId: contact.id },
    select: { projectId: true, status: true },
  });
  return Object.fromEntries(rows.map((r) => [r.projectId, r.status]));
}

/**
 * A user of this company at a Directory level (and levels on single projects), with a
 * personal API token. No password: tests that sign in set one themselves.
 */
export async function createUserWithToken(
  prisma: PrismaClient,
  companyId: string,
  level: PermissionLevel,
  projectLevels: Record<string, PermissionLevel> = {},
) {
  const user = await prisma.user.create({
    data: { name: `User ${level}`, email: `${level.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com` },
  });
  await prisma.companyMember.create({ data: { companyId, userId: user.id, directoryLevel: level } });
  const grants = Object.entries(projectLevels);
  if (grants.length) {
    await prisma.projectPermission.createMany({
      data: grants.map(([projectId, projectLevel]) => ({ companyId, projectId, userId: user.id, level: projectLevel })),
    });
  }
  const { token } = await createApiToken(prisma, { companyId, userId: user.id, name: "tests" });
  return { user, token };
}
