import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { UserStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";
import type { UserSortValue } from "@/shared/users";

export type ListCompanyUsersOptions = {
  companyId: string;
  /** Only users in these statuses; all when absent. */
  statuses?: UserStatus[];
  /** Only these users. */
  userIds?: string[];
  /** Words matched against name and email. */
  q?: string;
  sort?: UserSortValue;
  page?: number;
  perPage?: number;
};

const ORDER: Record<UserSortValue, Prisma.CompanyMemberOrderByWithRelationInput[]> = {
  "name.asc": [{ user: { name: "asc" } }],
  "name.desc": [{ user: { name: "desc" } }],
  "email.asc": [{ user: { email: "asc" } }],
  "email.desc": [{ user: { email: "desc" } }],
  "lastSignIn.asc": [{ user: { lastSignInAt: { sort: "asc", nulls: "first" } } }],
  "lastSignIn.desc": [{ user: { lastSignInAt: { sort: "desc", nulls: "last" } } }],
};

const memberSelect = {
  directoryLevel: true,
  status: true,
  inactivatedAt: true,
  createdAt: true,
  user: {
    select: {
      id: true,
      name: true,
      email: true,
      lastSignInAt: true,
    },
  },
} satisfies Prisma.CompanyMemberSelect;

function where({ companyId, statuses, userIds, q }: ListCompanyUsersOptions): Prisma.CompanyMemberWhereInput {
  const words = (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 10);
  return {
    companyId,
    ...(statuses ? { status: { in: statuses } } : {}),
    ...(userIds ? { userId: { in: userIds } } : {}),
    ...(words.length
      ? {
          AND: words.map((w) => ({
            user: {
              OR: [{ name: { contains: w, mode: "insensitive" } }, { email: { contains: w, mode: "insensitive" } }],
            },
          })),
        }
      : {}),
  } as Prisma.CompanyMemberWhereInput;
}

/**
 * The company's users with their Directory level, status, their levels set on single
 * projects, for the invited their open invitation, and the contact a user was, if any; by
 * name, one page at a time.
 */
export async function listCompanyUsers(db: Db, options: ListCompanyUsersOptions) {
  const { companyId, page = 1, perPage = 1000, sort = "name.asc" } = options;
  const filter = where(options);
  const [members, total] = await Promise.all([
    db.companyMember.findMany({
      where: filter,
      orderBy: [...ORDER[sort], { userId: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: memberSelect,
    }),
    db.companyMember.count({ where: filter }),
  ]);
  const userIds = members.map((m) => m.user.id);
  const [grants, invitations, contacts] = await Promise.all([
    db.projectPermission.findMany({
      where: { companyId, userId: { in: userIds } },
      select: { userId: true, projectId: true, level: true },
    }),
    db.invitation.findMany({
      where: { companyId, userId: { in: userIds }, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, userId: true, sentAt: true, expiresAt: true },
    }),
    db.contact.findMany({ where: { companyId, userId: { in: userIds } }, select: { id: true, userId: true } }),
  ]);
  const openInvitation = new Map(invitations.map((i) => [i.userId, i]));
  const contactOf = new Map(contacts.map((c) => [c.userId, c.id]));
  const users = members.map(({ directoryLevel, status, inactivatedAt, user }) => {
    const invitation = status === "INVITED" ? (openInvitation.get(user.id) ?? null) : null;
    return {
      ...user,
      companyLevel: directoryLevel,
      status,
      inactivatedAt,
      invitation: invitation && { id: invitation.id, sentAt: invitation.sentAt, expiresAt: invitation.expiresAt },
      /** The contact this user was (Invite to Rollcall): its page keeps their projects, crews and history. */
      contactId: contactOf.get(user.id) ?? null,
      projectLevels: Object.fromEntries(grants.filter((g) => g.userId === user.id).map((g) => [g.projectId, g.level])),
    };
  });
  return { users, total };
}
export type CompanyUser = Awaited<ReturnType<typeof listCompanyUsers>>["users"][number];

/** How many users each tab shows: Users (active and invited) and Inactive Users. */
export async function countCompanyUsers(db: Db, companyId: string) {
  const rows = await db.companyMember.groupBy({ by: ["status"], where: { companyId }, _count: { _all: true } });
  const count = (s: UserStatus) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return { users: count("ACTIVE") + count("INVITED"), inactiveUsers: count("INACTIVE") };
}

/** One user of the company, as the list shows them, or null. */
export async function getCompanyUser(db: Db, companyId: string, userId: string): Promise<CompanyUser | null> {
  const { users } = await listCompanyUsers(db, { companyId, userIds: [userId], perPage: 1 });
  return users[0] ?? null;
}
