import type { PermissionLevel } from "@/generated/prisma/enums";

/** Directory permission levels, lowest first. */
export const LEVELS: readonly PermissionLevel[] = ["NONE", "READ_ONLY", "STANDARD", "ADMIN"];

export const LEVEL_LABELS: Record<PermissionLevel, string> = {
  NONE: "None",
  READ_ONLY: "Read Only",
  STANDARD: "Standard",
  ADMIN: "Admin",
};

export function atLeast(level: PermissionLevel, minimum: PermissionLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(minimum);
}
