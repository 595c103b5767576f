import { z } from "zod";
import { PermissionLevel, UserStatus } from "@/generated/prisma/enums";
import { reasonSchema } from "./bulk-selection";
import { recordId } from "./record-id";
import { USER_PAGE_SIZES, USER_SORT_VALUES } from "./users-query";

export { USER_PAGE_SIZES, USER_SORT_VALUES, type UserSortValue } from "./users-query";

/** How many invitations (and resends) one admin may send a minute, in every app process together. */
export const INVITATION_RATE = { window: 60, max: 30 } as const;

/** At most this many users change in one bulk Inactivate or Reactivate. */
export const MAX_BULK_USERS = 1000;

export const PERMISSION_LEVELS = Object.values(PermissionLevel);
export const USER_STATUSES = Object.values(UserStatus);

export const personNameSchema = z
  .string({ error: "Enter the person's name." })
  .trim()
  .min(1, { error: "Enter the person's name." })
  .max(100, { error: "Keep the name under 100 characters." })
  .regex(/^[^\u0000-\u001f\u007f]*$/, { error: "Remove the invisible control characters from the name." });

export const userEmailSchema = z
  .email({ error: "Enter an email address like name@example.com." })
  .trim()
  .toLowerCase()
  .max(254, { error: "Keep the email under 254 characters." });

/** Add User: who, and their company Directory level. No password: the person chooses their own. */
export const inviteUserFields = {
  name: personNameSchema,
  email: userEmailSchema,
  level: z.enum(PermissionLevel, { error: "Choose a Directory level." }),
};

export const userIdsSchema = z
  .array(recordId({ error: "Each user id must be a UUID." }), { error: "userIds must be a list of user ids." })
  .min(1, { error: "Choose at least one user." })
  .max(MAX_BULK_USERS, { error: `At most ${MAX_BULK_USERS.toLocaleString("en-US")} users can change at once.` })
  .transform((ids) => [...new Set(ids)]);

export const bulkUsersFields = { userIds: userIdsSchema, reason: reasonSchema };

/** A password a person chooses: Better Auth's limits (build-auth.ts). */
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, { error: "Use at least 10 characters." })
  .max(128, { error: "Keep the password under 128 characters." });

/** A Users tab's table state, parsed from its URL: anything malformed falls back to the default. */
export const usersQuerySchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  sort: z.enum(USER_SORT_VALUES).catch("name.asc").default("name.asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  perPage: z.coerce
    .number()
    .pipe(z.union(USER_PAGE_SIZES.map((n) => z.literal(n))))
    .catch(50)
    .default(50),
});
export type UsersQuery = z.output<typeof usersQuerySchema>;
