import type { z } from "zod";
import type { ContactStatus } from "@/generated/prisma/enums";
import { viewPermission, type Permission } from "@/server/permissions/can";
import {
  addContactsResultSchema,
  bulkContactsBody,
  bulkResultSchema,
  companySchema,
  contactDetailSchema,
  contactIdsBody,
  contactPageSchema,
  contactSchema,
  createContactBody,
  createProjectBody,
  bulkVendorsBody,
  bulkVendorsResultSchema,
  createVendorBody,
  listVendorsQuery,
  listProjectVendorsQuery,
  projectVendorPageSchema,
  mergeResultSchema,
  mergeVendorsBody,
  updateVendorBody,
  vendorHistoryItemSchema,
  vendorPageSchema,
  listContactsQuery,
  listOf,
  listProjectContactsQuery,
  projectListItemSchema,
  projectSchema,
  removeContactResultSchema,
  removeContactsResultSchema,
  historyItemSchema,
  historyPageSchema,
  historyQuery,
  undoResultSchema,
  updateContactBody,
  dismissResultSchema,
  duplicateGroupPageSchema,
  duplicatesQuery,
  mergeContactsBody,
  vendorMergeResultSchema,
  vendorSchema,
} from "./schemas";
import { importContactsForm, importResultSchema } from "./import-schemas";
import {
  MAX_BULK_USERS,
  bulkUsersBody,
  bulkUsersResultSchema,
  inviteContactBody,
  inviteUserBody,
  listUsersQuery,
  revokeInvitationResultSchema,
  updateUserBody,
  userPageSchema,
  userSchema,
} from "./user-schemas";
import { IMPORT_LIMITS } from "@/shared/import/fields";
import { INVITATION_RATE } from "@/shared/users";

/** The path's parameter names, read from its template: "/a/{b}/c/{d}" gives "b" | "d". */
export type PathParams<Path extends string> = Path extends `${string}{${infer Param}}${infer Rest}`
  ? Param | PathParams<Rest>
  : never;

export type Endpoint<
  Path extends string = string,
  Query extends z.ZodObject | undefined = z.ZodObject | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Result extends z.ZodType = z.ZodType,
> = {
  method: "get" | "post" | "patch" | "delete";
  /** Relative to /api/v1, in OpenAPI's template syntax. */
  path: Path;
  summary: string;
  description?: string;
  query?: Query;
  body?: Body;
  status: 200 | 201;
  response: Result;
  /** When the request can clash with existing data (409). */
  conflict?: string;
  /** When the caller can be held back for sending too many (429). */
  rateLimited?: string;
  /** Accepts an Idempotency-Key header: a retry with the same key gets the first answer, and changes nothing. */
  idempotent?: boolean;
  /** The body is multipart/form-data (a file upload): its fields are parsed with the body schema. */
  multipart?: { maxBytes: number };
  /**
   * The permission a caller needs (src/server/permissions/can.ts), given the parsed query;
   * checked on the path's project when there is one. Absent: any signed-in caller.
   */
  access?: (query: Query extends z.ZodObject ? z.output<Query> : undefined) => Permission;
};

function endpoint<
  const Path extends string,
  Query extends z.ZodObject | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Result extends z.ZodType = z.ZodType,
>(e: Endpoint<Path, Query, Body, Result>) {
  return e;
}

const byStatus = (query: { status: ContactStatus }): Permission => viewPermission(query.status);

const REASON_NOTE =
  "The optional reason (up to 500 characters) is kept in the change history. The answer's batchId names the change, for undo. Send an Idempotency-Key header to make a retry safe: the same key returns the first answer and changes nothing.";

/**
 * The JSON API v1: one entry per route and method. Route handlers parse with these
 * schemas and must return the response's shape; the OpenAPI document is built from them.
 */
export const endpoints = {
  listCompanies: endpoint({
    method: "get",
    path: "/companies",
    summary: "List companies",
    status: 200,
    response: listOf(companySchema),
  }),
  listProjects: endpoint({
    method: "get",
    path: "/companies/{companyId}/projects",
    summary: "List a company's projects, with their directory counts",
    status: 200,
    response: listOf(projectListItemSchema),
    description: "Only the projects whose directory the caller may see.",
  }),
  createProject: endpoint({
    method: "post",
    path: "/companies/{companyId}/projects",
    summary: "Create a project",
    body: createProjectBody,
    status: 201,
    response: projectSchema,
    conflict: "A project with this number already exists.",
    access: () => "create projects",
  }),
  listVendors: endpoint({
    method: "get",
    path: "/companies/{companyId}/vendors",
    summary: "List the directory's companies (subcontractors, suppliers), one page at a time",
    description:
      "The Companies tab (status=active) or Inactive Companies (status=inactive, Directory admins). Companies merged into another are on neither.",
    query: listVendorsQuery,
    status: 200,
    response: vendorPageSchema,
    access: (query) => (query.status === "ACTIVE" ? "view contacts" : "view inactive companies"),
  }),
  createVendor: endpoint({
    method: "post",
    path: "/companies/{companyId}/vendors",
    summary: "Add a company (vendor) to the directory",
    body: createVendorBody,
    status: 201,
    response: vendorSchema,
    conflict:
      "A company with this name (ignoring case and surrounding spaces) is already in the directory, active or inactive; details.vendorId names it.",
    access: () => "edit companies",
  }),
  getVendor: endpoint({
    method: "get",
    path: "/companies/{companyId}/vendors/{vendorId}",
    summary: "Get a company (vendor)",
    description: "An inactive or merged company is for Directory admins (403 otherwise).",
    status: 200,
    response: vendorSchema,
    access: () => "view contacts",
  }),
  updateVendor: endpoint({
    method: "patch",
    path: "/companies/{companyId}/vendors/{vendorId}",
    summary: "Edit a company's fields",
    description:
      'Send only the fields to change; null or "" clears an optional field. Status changes go through bulk_inactivate, bulk_reactivate and merge. Each field changed is recorded in the history.',
    body: updateVendorBody,
    status: 200,
    response: vendorSchema,
    conflict: "The name is another company's (ignoring case and surrounding spaces), or the company was merged away.",
    access: () => "edit companies",
  }),
  inactivateVendors: endpoint({
    method: "post",
    path: "/companies/{companyId}/vendors/bulk_inactivate",
    summary: "Inactivate companies",
    description: `Moves active companies to Inactive Companies, all or nothing: they leave every company picker; their contacts stay as they are unless includeContacts is true, which inactivates their active contacts too (off every project directory) in the same change. Ids already inactive, merged or unknown are skipped and reported. ${REASON_NOTE}`,
    body: bulkVendorsBody,
    status: 200,
    response: bulkVendorsResultSchema,
    access: () => "change company status",
    idempotent: true,
  }),
  reactivateVendors: endpoint({
    method: "post",
    path: "/companies/{companyId}/vendors/bulk_reactivate",
    summary: "Reactivate companies",
    description: `Moves inactive companies back to Companies, all or nothing. Their people stay inactive unless includeContacts is true. Ids already active, merged or unknown are skipped and reported. ${REASON_NOTE}`,
    body: bulkVendorsBody,
    status: 200,
    response: bulkVendorsResultSchema,
    access: () => "change company status",
    idempotent: true,
  }),
  mergeVendors: endpoint({
    method: "post",
    path: "/companies/{companyId}/vendors/merge",
    summary: "Merge companies into one",
    description: `Every contact of the companies in mergeIds (1 to 9) moves to keepId, which takes the values in fields; the merged-away companies are kept, marked merged, and leave every tab and picker. One change, which POST …/batches/{batchId}/undo takes back exactly. ${REASON_NOTE}`,
    body: mergeVendorsBody,
    status: 200,
    response: vendorMergeResultSchema,
    conflict: "A company was merged already, or the name chosen is another company's.",
    access: () => "change company status",
    idempotent: true,
  }),
  listProjectVendors: endpoint({
    method: "get",
    path: "/companies/{companyId}/projects/{projectId}/vendors",
    summary: "List the companies whose people are on a project, one page at a time",
    description:
      "The project directory's Companies tab: each company (active or inactive) with at least one active contact who is an active member of the project, and memberCount, how many such people it has. Contacts without a company are in no row. sort=members.desc puts the most-staffed first.",
    query: listProjectVendorsQuery,
    status: 200,
    response: projectVendorPageSchema,
    access: () => "view contacts",
  }),
  vendorHistory: endpoint({
    method: "get",
    path: "/companies/{companyId}/vendors/{vendorId}/history",
    summary: "A company's change history, newest first",
    description: "Created, edited field by field, inactivated, reactivated, merged, undone.",
    status: 200,
    response: listOf(vendorHistoryItemSchema),
    access: () => "view contacts",
  }),
  listContacts: endpoint({
    method: "get",
    path: "/companies/{companyId}/contacts",
    summary: "List the company directory's contacts, one page at a time",
    query: listContactsQuery,
    status: 200,
    response: contactPageSchema,
    access: byStatus,
  }),
  createContact: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts",
    summary: "Create a contact, optionally on some projects",
    description:
      "The contact's origin is `api`. An unknown vendorId or project id is answered 404 and nothing is created. Creating a contact on a project takes Standard access on that project too (403 otherwise).",
    body: createContactBody,
    status: 201,
    response: contactSchema,
    access: () => "edit contacts",
  }),
  getContact: endpoint({
    method: "get",
    path: "/companies/{companyId}/contacts/{contactId}",
    summary: "Get a contact, with every project it has been on",
    status: 200,
    response: contactDetailSchema,
    access: () => "view contacts",
  }),
  updateContact: endpoint({
    method: "patch",
    path: "/companies/{companyId}/contacts/{contactId}",
    summary: "Edit a contact's fields",
    description:
      'Send only the fields to change; null or "" clears an optional field. Status changes go through the bulk endpoints.',
    body: updateContactBody,
    status: 200,
    response: contactSchema,
    access: () => "edit contacts",
  }),
  inactivateContacts: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts/bulk_inactivate",
    summary: "Inactivate contacts",
    description: `Moves active contacts to Inactive Contacts in the company directory and in every project directory they are on, all or nothing. Ids that are already inactive or unknown are skipped and reported. ${REASON_NOTE}`,
    body: bulkContactsBody,
    status: 200,
    response: bulkResultSchema,
    access: () => "change contact status",
    idempotent: true,
  }),
  reactivateContacts: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts/bulk_reactivate",
    summary: "Reactivate contacts",
    description: `Moves inactive contacts back to Contacts in the company directory and in every project directory they were on when inactivated (not those they were removed from), all or nothing. Ids that are already active or unknown are skipped and reported. ${REASON_NOTE}`,
    body: bulkContactsBody,
    status: 200,
    response: bulkResultSchema,
    access: () => "change contact status",
    idempotent: true,
  }),
  listProjectContacts: endpoint({
    method: "get",
    path: "/companies/{companyId}/projects/{projectId}/contacts",
    summary: "List a project directory's contacts, one page at a time",
    query: listProjectContactsQuery,
    status: 200,
    response: contactPageSchema,
    access: byStatus,
  }),
  removeContactsFromProject: endpoint({
    method: "post",
    path: "/companies/{companyId}/projects/{projectId}/contacts/bulk_remove",
    summary: "Remove contacts from a project's directory",
    description: `Takes contacts off the project's directory and its crews, all or nothing; the memberships are kept as removed, for history, and reactivation does not bring them back. Contacts not on the project are skipped and reported. ${REASON_NOTE}`,
    body: bulkContactsBody,
    status: 200,
    response: removeContactsResultSchema,
    access: () => "manage project members",
    idempotent: true,
  }),
  contactHistory: endpoint({
    method: "get",
    path: "/companies/{companyId}/contacts/{contactId}/history",
    summary: "A contact's change history, newest first",
    status: 200,
    response: listOf(historyItemSchema),
    access: () => "view contacts",
  }),
  companyHistory: endpoint({
    method: "get",
    path: "/companies/{companyId}/history",
    summary: "The company's change history, newest first, one page at a time",
    description:
      "Every change to the company's contacts, companies (vendors) and users, as the Change History lists them: filterable by kind of record (record=contacts|companies|users), by action (one of that record's), by the person who made it (actorId) and by day (from, to: UTC dates, inclusive). The CSV export of the Change History takes the same filters.",
    query: historyQuery,
    status: 200,
    response: historyPageSchema,
    access: () => "view history",
  }),
  importContacts: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts/import",
    summary: "Import contacts from a spreadsheet",
    description:
      "Reads a CSV or .xlsx file (multipart/form-data) and creates a contact per row, or updates (onMatch=update) or skips the existing contact the row matches by Employee ID, else email. Every row is checked like Add Contact; without skipInvalid any invalid row (or a row repeating another's Employee ID or email) answers 422 validation_error with details.rows: [{ row, column, message }] and nothing is imported. One transaction and one change batch (contacts.import), which POST …/batches/{batchId}/undo takes back. dryRun=true plans only. Company admins import into the company; a project's admins into that project (projectId). Accepts an Idempotency-Key header.",
    body: importContactsForm,
    multipart: { maxBytes: IMPORT_LIMITS.maxBytes },
    status: 200,
    response: importResultSchema,
    // The handler checks "import contacts" on the project in the body, when there is one.
    access: () => "view contacts",
    idempotent: true,
  }),
  listDuplicates: endpoint({
    method: "get",
    path: "/companies/{companyId}/contacts/duplicates",
    summary: "Groups of contacts that are probably one person, strongest first",
    description:
      "Active and inactive contacts sharing an Employee ID (same_employee_id), an email in any case (same_email), a phone's digits (same_phone), a first and last name after folding case, accents and spaces with the same company or none (same_name), or near-identical names sharing a company, email or phone (similar_name). A key shared by more than 10 contacts makes no group. Groups dismissed as not duplicates are left out until one of their contacts changes. Company Directory admins only.",
    query: duplicatesQuery,
    status: 200,
    response: duplicateGroupPageSchema,
    access: () => "change contact status",
  }),
  dismissDuplicates: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts/duplicates/{groupId}/dismiss",
    summary: "Mark a group as not duplicates",
    description:
      "The group leaves the list until one of its contacts changes. A group that is no longer one (merged, changed) is answered 404.",
    status: 200,
    response: dismissResultSchema,
    access: () => "change contact status",
  }),
  mergeContacts: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts/merge",
    summary: "Merge contacts into one",
    description: `Keeps keepId and merges mergeIds (1 to 9 contacts) into it, all or nothing: nothing is deleted; the merged contacts get status "merged" and mergedIntoId, and leave every list, count, search and export. The kept contact takes, per field in fields, the value of the contact named there (its own otherwise), every project directory any of them was on (a removal stays a removal unless the kept contact is on that project), and their crew spots. status sets the kept contact's status (its own otherwise). POST …/batches/{batchId}/undo takes the merge back exactly, unless a contact changed since. ${REASON_NOTE}`,
    body: mergeContactsBody,
    status: 200,
    response: mergeResultSchema,
    conflict: "Answered when a contact was already merged into another; nothing is changed.",
    access: () => "change contact status",
    idempotent: true,
  }),
  undoBatch: endpoint({
    method: "post",
    path: "/companies/{companyId}/batches/{batchId}/undo",
    summary: "Undo a bulk change",
    description:
      "Puts back exactly what a bulk inactivate, reactivate, remove-from-project, import or merge changed, memberships and crews included, all or nothing, and records the undo in the history. Needs the permission the change itself needed. Accepts an Idempotency-Key header.",
    conflict:
      "Answered when the change was already undone, cannot be undone, or when any of its contacts changed since (details.contacts names them); nothing is changed.",
    status: 200,
    response: undoResultSchema,
    // Any member may ask; the handler then checks the permission the change itself took.
    access: () => "view contacts",
    idempotent: true,
  }),
  addContactsToProject: endpoint({
    method: "post",
    path: "/companies/{companyId}/projects/{projectId}/contacts",
    summary: "Add contacts to a project's directory",
    description:
      "Contacts removed from the project earlier come back. Inactive, unknown and present contacts are skipped and reported.",
    body: contactIdsBody,
    status: 200,
    response: addContactsResultSchema,
    access: () => "manage project members",
    idempotent: true,
  }),
  listUsers: endpoint({
    method: "get",
    path: "/companies/{companyId}/users",
    summary: "List the company's users, one page at a time",
    description: "By name. Filter by status (active, inactive, invited) and search name and email with q.",
    query: listUsersQuery,
    status: 200,
    response: userPageSchema,
    access: () => "manage users",
  }),
  inviteUser: endpoint({
    method: "post",
    path: "/companies/{companyId}/users",
    summary: "Invite a user by email",
    description:
      "Someone new to Rollcall gets an email with a link, valid 7 days, to choose their own password (status invited until then). Someone who already signs in to Rollcall with their own password is added at once (status active) and told by email. Nobody sets another person's password. The answer reads the same whichever happened, apart from status.",
    body: inviteUserBody,
    status: 201,
    response: userSchema,
    conflict: "The email is already a user of this company (or already invited: resend the invitation instead).",
    rateLimited: `An admin may send ${INVITATION_RATE.max} invitations (and resends) a minute; wait, then send the rest.`,
    access: () => "manage users",
  }),
  inviteContact: endpoint({
    method: "post",
    path: "/companies/{companyId}/contacts/{contactId}/invite",
    summary: "Invite a contact to become a user",
    description:
      'Invite to Rollcall: the contact\'s email gets the invitation POST …/users sends (or, for someone who already signs in to Rollcall with their own password, they are added at once and told). Once they accept, the contact and the user are one record: the contact gets status "user", leaves every contact list, count, search and export, and keeps its projects, crews and history. Revoking the invitation leaves the contact as it was. The contact must be active and have an email.',
    body: inviteContactBody,
    status: 201,
    response: userSchema,
    conflict:
      "The contact has no email, is inactive, merged, already a user or already invited, or its email is already a user of this company.",
    rateLimited: `Counts against the ${INVITATION_RATE.max} invitations a minute an admin may send.`,
    access: () => "manage users",
  }),
  updateUser: endpoint({
    method: "patch",
    path: "/companies/{companyId}/users/{userId}",
    summary: "Change a user's Directory levels",
    description:
      "level is the company Directory level; projectLevels sets (or with level null, removes) levels on single projects. All or nothing, each change in the history. The last active Admin cannot be demoted, and nobody removes their own Admin.",
    body: updateUserBody,
    status: 200,
    response: userSchema,
    conflict: "The change would leave the company without an active Directory Admin, or takes the caller's own Admin.",
    access: () => "manage users",
  }),
  inactivateUsers: endpoint({
    method: "post",
    path: "/companies/{companyId}/users/bulk_inactivate",
    summary: "Inactivate users",
    description: `Inactive users cannot open this company: their sessions and API tokens for it are refused from their next request. Their levels are kept, so reactivation restores them. At most ${MAX_BULK_USERS.toLocaleString("en-US")} userIds; all or nothing; an id not in the company answers 404 and changes nothing. Nobody inactivates themselves, and the last active Admin stays. The optional reason is kept in the history.`,
    body: bulkUsersBody,
    status: 200,
    response: bulkUsersResultSchema,
    conflict: "The caller is among the users, or the company would have no active Directory Admin left.",
    access: () => "manage users",
  }),
  reactivateUsers: endpoint({
    method: "post",
    path: "/companies/{companyId}/users/bulk_reactivate",
    summary: "Reactivate users",
    description: `Gives inactive users back exactly the levels they had. At most ${MAX_BULK_USERS.toLocaleString("en-US")} userIds; all or nothing; an id not in the company answers 404 and changes nothing.`,
    body: bulkUsersBody,
    status: 200,
    response: bulkUsersResultSchema,
    access: () => "manage users",
  }),
  resendInvitation: endpoint({
    method: "post",
    path: "/companies/{companyId}/users/{userId}/resend_invitation",
    summary: "Send an invited user a new link",
    description: "The new link is valid 7 days; the old one stops working at once.",
    status: 200,
    response: userSchema,
    conflict: "The user has already joined: there is no invitation to resend.",
    rateLimited: `Counts against the ${INVITATION_RATE.max} invitations a minute an admin may send.`,
    access: () => "manage users",
  }),
  revokeInvitation: endpoint({
    method: "delete",
    path: "/companies/{companyId}/invitations/{invitationId}",
    summary: "Revoke an invitation",
    description:
      "The link stops working and the person leaves the company's users; their login, if they have one, is untouched. Recorded in the history. An invitation already accepted or revoked answers 404.",
    status: 200,
    response: revokeInvitationResultSchema,
    access: () => "manage users",
  }),
  removeContactFromProject: endpoint({
    method: "delete",
    path: "/companies/{companyId}/projects/{projectId}/contacts/{contactId}",
    summary: "Remove a contact from a project's directory",
    description:
      "The membership is kept as removed, for history, and the contact leaves the project's crews. A contact not on the project is answered 404.",
    status: 200,
    response: removeContactResultSchema,
    access: () => "manage project members",
  }),
};
