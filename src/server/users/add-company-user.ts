import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { inTransaction, type Db } from "@/server/db/transaction";
import { conflict } from "@/server/errors";

export const CANNOT_ADD_WITH_PASSWORD =
  "This email can't be added with a first password chosen here. Ask the person to use another email, or wait for email invitations.";

export type AddCompanyUserOptions = {
  companyId: string;
  name: string;
  email: string;
  /** The first password, which the admin hands over; hashed by the sign-in library. */
  password: string;
  level: PermissionLevel;
};

/**
 * Gives a person a login in this company. Someone who already has a login (in another
 * company) joins with it, and keeps their own password — unless another company's admin
 * chose that password: that admin could then sign in as them here, so such a login joins
 * no other company until email invitations prove who holds it.
 */
export async function addCompanyUser(db: Db, { companyId, name, email, password, level }: AddCompanyUserOptions) {
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, accounts: { where: { providerId: "credential" }, select: { passwordSetByCompanyId: true } } },
    });
    if (existing) {
      const member = await tx.companyMember.findUnique({
        where: { companyId_userId: { companyId, userId: existing.id } },
      });
      if (member) throw conflict(`${email} is already a user of this company.`, { field: "email" });
      if (existing.accounts.some((a) => a.passwordSetByCompanyId !== null && a.passwordSetByCompanyId !== companyId)) {
        throw conflict(CANNOT_ADD_WITH_PASSWORD, { field: "email" });
      }
      await tx.companyMember.create({ data: { companyId, userId: existing.id, directoryLevel: level } });
      return { userId: existing.id, created: false };
    }
    const user = await tx.user.create({ data: { name, email, emailVerified: false } });
    await tx.account.create({
      data: {
        userId: user.id,
        accountId: user.id,
        providerId: "credential",
        password: passwordHash,
        passwordSetByCompanyId: companyId,
      },
    });
    await tx.companyMember.create({ data: { companyId, userId: user.id, directoryLevel: level } });
    return { userId: user.id, created: true };
  });
}
