import type { PermissionLevel } from "@/generated/prisma/enums";

/**
 * The users the permission matrices act as: a member of company A at these levels (and a
 * level of their own on one project), or, for "not a member", a user of company B only.
 */
export const ROLES = {
  "not a member": null,
  None: { company: "NONE" },
  "Read Only": { company: "READ_ONLY" },
  Standard: { company: "STANDARD" },
  Admin: { company: "ADMIN" },
  "project admin (Read Only, Admin on the project)": { company: "READ_ONLY", granted: "ADMIN" },
  "project member (None, Standard on the project)": { company: "NONE", granted: "STANDARD" },
  "Standard kept to Read Only on the project": { company: "STANDARD", granted: "READ_ONLY" },
} satisfies Record<string, { company: PermissionLevel; granted?: PermissionLevel } | null>;
export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];
