import type { ContactStatus, PermissionLevel } from "@/generated/prisma/enums";
import { atLeast } from "./levels";

/** What a user may try, and where. */
export type Permission =
  | "view contacts"
  | "view inactive contacts"
  | "edit contacts"
  | "change contact status"
  | "manage project members"
  | "manage users"
  | "create projects"
  | "view history"
  | "import contacts"
  | "view inactive companies"
  | "edit companies"
  | "change company status";

export type Scope = { projectId?: string };

type ActorLevels = { companyLevel: PermissionLevel; projectLevels: ReadonlyMap<string, PermissionLevel> };

/**
 * A user's level on a project's Directory: company Admin is Admin everywhere; otherwise a
 * level set on the project wins, and the company level applies where none is set.
 */
export function projectLevel(actor: ActorLevels, projectId: string): PermissionLevel {
  if (actor.companyLevel === "ADMIN") return "ADMIN";
  return actor.projectLevels.get(projectId) ?? actor.companyLevel;
}

/** The one place that decides. Pages hide, actions and API handlers refuse, by asking it. */
export function can(actor: ActorLevels, permission: Permission, { projectId }: Scope = {}): boolean {
  const level = projectId ? projectLevel(actor, projectId) : actor.companyLevel;
  switch (permission) {
    case "view contacts":
      return atLeast(level, "READ_ONLY");
    case "view inactive contacts":
      return atLeast(level, "ADMIN");
    case "edit contacts":
      return atLeast(level, "STANDARD");
    case "change contact status":
      return atLeast(actor.companyLevel, "ADMIN");
    case "manage project members":
      return projectId !== undefined && atLeast(projectLevel(actor, projectId), "ADMIN");
    case "create projects":
    case "manage users":
      return atLeast(actor.companyLevel, "ADMIN");
    // The company's Change History shows inactivations and their reasons: company admins.
    case "view history":
      return atLeast(actor.companyLevel, "ADMIN");
    // Into the company directory: company admins; into one project's: that project's admins.
    case "import contacts":
      return projectId !== undefined
        ? atLeast(projectLevel(actor, projectId), "ADMIN")
        : atLeast(actor.companyLevel, "ADMIN");
    // Companies (vendors) belong to the company directory: its levels decide, as for contacts.
    case "view inactive companies":
      return atLeast(actor.companyLevel, "ADMIN");
    case "edit companies":
      return atLeast(actor.companyLevel, "STANDARD");
    case "change company status":
      return atLeast(actor.companyLevel, "ADMIN");
  }
}

/** What it takes to see contacts in this status: inactive ones are for Directory admins. */
export function viewPermission(status: ContactStatus): Permission {
  return status === "ACTIVE" ? "view contacts" : "view inactive contacts";
}

/** A contact as far as seeing it goes: its status, and the projects it is on (not removed from). */
export type ContactVisibility = { status: ContactStatus; projectIds: readonly string[] };

/**
 * Whether the actor may open one contact's record (details, history, edits), answered with
 * the permission that is missing, or null: an active contact with the company directory,
 * an inactive one only as a Directory admin of the company or of a project it is on — just
 * as only they see it on an Inactive Contacts tab.
 */
export function missingToSeeContact(actor: ActorLevels, contact: ContactVisibility): Permission | null {
  if (!can(actor, "view contacts")) return "view contacts";
  if (contact.status === "ACTIVE") return null;
  const admin =
    can(actor, "view inactive contacts") ||
    contact.projectIds.some((projectId) => can(actor, "view inactive contacts", { projectId }));
  return admin ? null : "view inactive contacts";
}

/** Editing a contact takes seeing it, then Standard on the company directory. */
export function missingToEditContact(actor: ActorLevels, contact: ContactVisibility): Permission | null {
  return missingToSeeContact(actor, contact) ?? (can(actor, "edit contacts") ? null : "edit contacts");
}

/**
 * Whether the actor may list contacts in this status on a directory and, when the list is
 * narrowed to one project's members (a filter of the company directory), on that project
 * too: a project at None shows nobody its members, whichever list asks.
 */
export function canListContacts(
  actor: ActorLevels,
  status: ContactStatus,
  { projectId, memberOf }: { projectId?: string; memberOf?: string | null },
): boolean {
  const permission = viewPermission(status);
  return can(actor, permission, { projectId }) && (!memberOf || can(actor, permission, { projectId: memberOf }));
}

/** The message a refused user reads. */
export const REFUSAL: Record<Permission, string> = {
  "view contacts": "You don't have access to this directory. Ask a company admin for Read Only access or higher.",
  "view inactive contacts": "Only Directory admins can see inactive contacts.",
  "edit contacts": "You need Standard access or higher on this Directory to add or edit contacts.",
  "change contact status": "Only company Directory admins can inactivate or reactivate contacts.",
  "manage project members": "Only this project's Directory admins can add or remove its contacts.",
  "manage users": "Only company Directory admins can manage users, permissions and API tokens.",
  "create projects": "Only company Directory admins can create projects.",
  "view history": "Only company Directory admins can see the company's Change History.",
  "import contacts":
    "Only Directory admins can import contacts: company admins into the company, project admins into their project.",
  "view inactive companies": "Only company Directory admins can see inactive companies.",
  "edit companies": "You need Standard access or higher on the company Directory to add or edit companies.",
  "change company status": "Only company Directory admins can inactivate, reactivate or merge companies.",
};
