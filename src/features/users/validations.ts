import { z } from "zod";
import { PermissionLevel } from "@/generated/prisma/enums";
import { recordId } from "@/shared/record-id";
import { bulkUsersFields, inviteUserFields } from "@/shared/users";

export { PERMISSION_LEVELS } from "@/shared/users";

export const inviteUserSchema = z.strictObject({ companyId: recordId(), ...inviteUserFields });

export const setPermissionSchema = z.strictObject({
  companyId: recordId(),
  userId: recordId(),
  projectId: recordId().optional(),
  /** null on a project: follow the company level. */
  level: z.enum(PermissionLevel).nullable(),
});

export const bulkUsersSchema = z.strictObject({ companyId: recordId(), ...bulkUsersFields });

export const userActionSchema = z.strictObject({ companyId: recordId(), userId: recordId() });
export const invitationActionSchema = z.strictObject({ companyId: recordId(), invitationId: recordId() });

export const inviteContactSchema = z.strictObject({
  companyId: recordId(),
  contactId: recordId(),
  level: z.enum(PermissionLevel, { error: "Choose a Directory level." }),
});
