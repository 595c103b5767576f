import { z } from "zod";
import { recordId } from "@/shared/record-id";
import { PermissionLevel } from "@/generated/prisma/enums";

export const PERMISSION_LEVELS = Object.values(PermissionLevel);

export const addUserSchema = z.strictObject({
  companyId: recordId(),
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter the person's name." })
    .max(100, { error: "Keep the name under 100 characters." }),
  email: z.email({ error: "Enter an email address like name@example.com." }).trim().toLowerCase().max(254),
  password: z
    .string()
    .min(10, { error: "Use a first password of at least 10 characters." })
    .max(128, { error: "Keep the password under 128 characters." }),
  level: z.enum(PermissionLevel, { error: "Choose a Directory level." }),
});

export const setPermissionSchema = z.strictObject({
  companyId: recordId(),
  userId: recordId(),
  projectId: recordId().optional(),
  /** null on a project: follow the company level. */
  level: z.enum(PermissionLevel).nullable(),
});
