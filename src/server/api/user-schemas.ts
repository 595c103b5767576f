import { z } from "zod";
import { PermissionLevel, UserStatus } from "@/generated/prisma/enums";
import { recordId } from "@/shared/record-id";
import { MAX_BULK_USERS, bulkUsersFields, inviteUserFields } from "@/shared/users";

const lower = <T extends string>(values: Record<string, T>) =>
  Object.values(values).map((v) => v.toLowerCase() as Lowercase<T>) as [Lowercase<T>, ...Lowercase<T>[]];
const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;

const levelEnum = z.enum(lower(PermissionLevel), {
  error: `level must be one of ${lower(PermissionLevel).join(", ")}.`,
});
const levelIn = levelEnum.transform(upper);
const statusEnum = z.enum(lower(UserStatus));
const timestamp = z.iso.datetime();
const wholeNumber = (what: string, max: number) => {
  const error = `${what} must be a whole number from 1 to ${max.toLocaleString("en-US")}.`;
  return z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error });
};

export const listUsersQuery = z.strictObject({
  status: statusEnum.transform(upper).optional().meta({
    description:
      "Only users in this status (the Users tab shows active and invited; Inactive Users, inactive). Every status when absent.",
  }),
  q: z.string().trim().max(200, { error: "Keep the search under 200 characters." }).default("").meta({
    description: "Words that must each match the user's name or email.",
  }),
  page: wholeNumber("page", 1_000_000).default(1),
  perPage: wholeNumber("perPage", 100).default(50),
});

export const inviteUserBody = z.strictObject({ ...inviteUserFields, level: levelIn }).meta({ id: "InviteUser" });

export const inviteContactBody = z
  .strictObject({ level: levelIn.meta({ description: "The company Directory level the person gets." }) })
  .meta({ id: "InviteContact" });

export const bulkUsersBody = z.strictObject(bulkUsersFields).meta({ id: "BulkUsers" });

export const updateUserBody = z
  .strictObject({
    level: levelIn.optional().meta({ description: "The company Directory level." }),
    projectLevels: z
      .array(
        z.strictObject({
          projectId: recordId({ error: "projectId must be a project id." }),
          level: levelIn.nullable().meta({ description: "null: the project follows the company level again." }),
        }),
      )
      .max(1000, { error: "At most 1,000 project levels at once." })
      .refine((grants) => new Set(grants.map((g) => g.projectId)).size === grants.length, {
        error: "Name each project once in projectLevels.",
      })
      .optional(),
  })
  .refine((body) => body.level !== undefined || (body.projectLevels?.length ?? 0) > 0, {
    error: "Send level, projectLevels, or both.",
  })
  .meta({ id: "UpdateUser" });

export const userSchema = z
  .strictObject({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    level: levelEnum.meta({ description: "The company Directory level." }),
    status: statusEnum,
    projectLevels: z
      .array(z.strictObject({ projectId: z.uuid(), level: levelEnum }))
      .meta({ description: "Levels set on single projects; other projects follow the company level." }),
    invitedAt: timestamp
      .nullable()
      .meta({ description: "When the open invitation was (last) sent; null once joined." }),
    invitationId: z
      .uuid()
      .nullable()
      .meta({ description: "The open invitation, for DELETE /companies/{companyId}/invitations/{invitationId}." }),
    lastSignInAt: timestamp.nullable(),
    contactId: z.uuid().nullable().meta({
      description:
        "The contact this user was (POST …/contacts/{contactId}/invite, accepted): its projects, crews and history stay there.",
    }),
  })
  .meta({ id: "User" });

export const userPageSchema = z
  .strictObject({ data: z.array(userSchema), page: z.int(), perPage: z.int(), total: z.int() })
  .meta({ id: "UserPage" });

export const bulkUsersResultSchema = z
  .strictObject({
    batchId: z.uuid().nullable().meta({ description: "The change in the history; null when nothing changed." }),
    changed: z.int(),
    skipped: z.array(
      z.strictObject({ id: z.uuid(), reason: z.enum(["already active", "already inactive", "invited"]) }),
    ),
  })
  .meta({ id: "BulkUsersResult" });

export const revokeInvitationResultSchema = z
  .strictObject({ revoked: z.literal(true), userId: z.uuid(), batchId: z.uuid() })
  .meta({ id: "RevokeInvitationResult" });

export { MAX_BULK_USERS };
