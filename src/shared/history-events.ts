import { z } from "zod";

// The history's vocabulary: every kind of contact event, the change (batch) it belongs to,
// and the payload it records (the event's `changes` JSON), after documenso's typed audit
// log. Writers, undo, the timeline and the API document all read it from here; a new kind
// of event is one member of the union and one line of HISTORY_ACTION_INFO.

const contactStatus = z.enum(["ACTIVE", "INACTIVE"]);
const vendorStatus = z.enum(["ACTIVE", "INACTIVE", "MERGED"]);
const fieldValue = z.union([z.string(), z.boolean(), z.null()]);
const crewIds = z
  .array(z.uuid())
  .meta({ description: "The project's crews the contact left (or, undone, returned to)." });

/** A contact's fields that a change set, from → to (from is null on creation). */
const fieldChanges = z
  .record(z.string(), z.strictObject({ from: fieldValue, to: fieldValue }))
  .meta({ description: "What changed, field by field: { field: { from, to } }." });

/**
 * What an import did to one contact: the file's row, each field it wrote (from is null for
 * a created contact) and the project directories the contact joined (from: its membership
 * before, null when it had none). Undo reads exactly this back.
 */
export const importEventChangesSchema = z.strictObject({
  row: z.int().meta({ description: "The file's row, the header being row 1." }),
  fields: fieldChanges,
  joined: z.array(z.strictObject({ projectId: z.uuid(), from: z.string().nullable() })),
});

/**
 * What a merge changed, row by row as it was before: what its undo writes back. The
 * contacts' changing columns, every membership and crew spot of the merged contacts.
 */
export const mergeSnapshotSchema = z
  .strictObject({
    contacts: z.array(
      z.strictObject({
        id: z.uuid(),
        firstName: z.string(),
        lastName: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        jobTitle: z.string().nullable(),
        employeeId: z.string().nullable(),
        classification: z.string().nullable(),
        isEmployee: z.boolean(),
        vendorId: z.uuid().nullable(),
        status: contactStatus,
        inactivatedAt: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
    memberships: z.array(
      z.strictObject({
        id: z.uuid(),
        contactId: z.uuid(),
        projectId: z.uuid(),
        status: z.enum(["ACTIVE", "INACTIVE", "REMOVED"]),
        removedAt: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
    crewMembers: z.array(
      z.strictObject({ id: z.uuid(), crewId: z.uuid(), contactId: z.uuid(), createdAt: z.string() }),
    ),
  })
  .meta({
    description: "The merged contacts, their memberships and crew spots as they were before: what Undo puts back.",
  });

/** A merge, on the kept contact: who was merged in, and which field values came from whom. */
export const mergeEventChangesSchema = z.strictObject({
  mergedIds: z.array(z.uuid()).meta({ description: "The contacts merged into this one." }),
  fields: z
    .record(z.string(), z.strictObject({ from: fieldValue, to: fieldValue, fromContactId: z.uuid() }))
    .meta({ description: "The fields that took another contact's value: { field: { from, to, fromContactId } }." }),
  status: z.strictObject({ from: contactStatus, to: contactStatus }).optional(),
  projectIds: z.array(z.uuid()).meta({ description: "The project directories the kept contact joined." }),
  crewIds: z.array(z.uuid()).meta({ description: "The crews whose spots moved to the kept contact." }),
  before: mergeSnapshotSchema,
});

const statusChange = <const From extends string, const To extends string>(from: From, to: To) =>
  z.strictObject({ status: z.strictObject({ from: z.literal(from), to: z.literal(to) }) });

function eventOf<Base extends z.core.$ZodLooseShape>(base: Base) {
  return <const Action extends string, Changes extends z.ZodType>(action: Action, changes: Changes) =>
    z.strictObject({ ...base, action: z.literal(action), changes });
}

/** A contact's kinds of event, kept in ContactEvent. */
function contactEvents<Base extends z.core.$ZodLooseShape>(base: Base) {
  const event = eventOf(base);
  return [
    event("contact.created", fieldChanges),
    event("contact.updated", fieldChanges),
    event("contact.inactivated", statusChange("ACTIVE", "INACTIVE")),
    event("contact.reactivated", statusChange("INACTIVE", "ACTIVE")),
    event(
      "contact.added_to_project",
      z.strictObject({
        membership: z.strictObject({
          from: z.literal("REMOVED").nullable().meta({ description: "REMOVED when the contact came back." }),
          to: z.literal("ACTIVE"),
        }),
      }),
    ),
    event(
      "contact.removed_from_project",
      z.strictObject({ membership: z.strictObject({ from: contactStatus, to: z.literal("REMOVED") }), crewIds }),
    ),
    event("contact.imported", importEventChangesSchema),
    event("contact.updated_by_import", importEventChangesSchema),
    event("contact.merged", mergeEventChangesSchema),
    event(
      "contact.merged_into",
      z.strictObject({ mergedIntoId: z.uuid().meta({ description: "The contact this one was merged into." }) }),
    ),
    event(
      "contact.invited",
      z
        .strictObject({
          invitationId: z.uuid(),
          userId: z.uuid().meta({ description: "The user the invitation makes of this contact." }),
          email: z.string(),
        })
        .meta({ description: "Invite to Rollcall: the contact was invited to become a user." }),
    ),
    event(
      "contact.became_user",
      z
        .strictObject({
          status: z.strictObject({ from: contactStatus, to: z.literal("USER") }),
          userId: z.uuid().meta({ description: "The user this contact is now; it leaves every contact list." }),
        })
        .meta({ description: "The contact accepted the invitation (or already had a login): one record, the user." }),
    ),
    event(
      "batch.undone",
      z.union([
        z.strictObject({
          undoes: z.uuid(),
          discarded: z
            .boolean()
            .meta({ description: "The import had created this contact: the undo took it out of every directory." }),
          fields: fieldChanges,
        }),
        z.strictObject({ undoes: z.uuid(), status: z.strictObject({ from: contactStatus, to: contactStatus }) }),
        z.strictObject({
          undoes: z.uuid(),
          membership: z.strictObject({ from: z.literal("REMOVED"), to: contactStatus }),
          crewIds,
        }),
        z
          .strictObject({ undoes: z.uuid(), fields: fieldChanges })
          .meta({ description: "A company merge undone: the contact is back with the company it worked for." }),
        z.strictObject({
          undoes: z.uuid(),
          unmerged: z
            .array(z.uuid())
            .meta({ description: "The undo of a merge: the contacts split back out (on the kept contact), or none." }),
        }),
      ]),
    ),
  ] as const;
}

/** A company's (vendor's) kinds of event, kept in VendorEvent. */
function vendorEvents<Base extends z.core.$ZodLooseShape>(base: Base) {
  const event = eventOf(base);
  return [
    event("vendor.created", fieldChanges),
    event("vendor.updated", fieldChanges),
    event("vendor.inactivated", statusChange("ACTIVE", "INACTIVE")),
    event("vendor.reactivated", statusChange("INACTIVE", "ACTIVE")),
    event(
      "vendor.merged",
      z
        .strictObject({
          into: z.uuid().meta({ description: "The company it was merged into, which kept its contacts." }),
          status: z.strictObject({ from: contactStatus, to: z.literal("MERGED") }),
          inactivatedAt: z.iso.datetime().nullable().meta({ description: "When it had been inactivated, if it was." }),
        })
        .meta({ description: "A company merged away: kept for its history, its contacts moved to `into`." }),
    ),
    event(
      "vendor.merged_into",
      z.strictObject({ merged: z.array(z.uuid()), fields: fieldChanges }).meta({
        description: "The company a merge kept: the companies merged into it, and the fields it took from them.",
      }),
    ),
    event(
      "vendor.undone",
      z.strictObject({
        undoes: z.uuid(),
        status: z.strictObject({ from: vendorStatus, to: vendorStatus }).optional(),
        fields: fieldChanges.optional(),
      }),
    ),
  ] as const;
}

/**
 * Each kind of event with its payload, on top of `base` (the API's history item adds its
 * id, time, actor and contact or company). The discriminator is `action`.
 */
export function historyEventUnion<Base extends z.core.$ZodLooseShape>(base: Base) {
  return z.discriminatedUnion("action", [...contactEvents(base), ...vendorEvents(base)]);
}

/** A contact's events only: a contact's history, in the API. */
export function contactHistoryEventUnion<Base extends z.core.$ZodLooseShape>(base: Base) {
  return z.discriminatedUnion("action", contactEvents(base));
}

/** A company's events only: a company's history, in the API. */
export function vendorHistoryEventUnion<Base extends z.core.$ZodLooseShape>(base: Base) {
  return z.discriminatedUnion("action", vendorEvents(base));
}

/** One event as the history stores it: its kind and its payload. */
export const historyEventSchema = historyEventUnion({});
export type HistoryEvent = z.output<typeof historyEventSchema>;
/** A contact's event as ContactEvent stores it. */
export const contactEventSchema = contactHistoryEventUnion({});
export type HistoryAction = HistoryEvent["action"];
/** The payload of one kind of event. */
export type HistoryChanges<A extends HistoryAction> = Extract<HistoryEvent, { action: A }>["changes"];

/** Per kind of event: the change it is recorded under (one batch per change), and how people read it. */
export const HISTORY_ACTION_INFO = {
  "contact.created": { batch: "contact.create", label: "Created" },
  "contact.updated": { batch: "contact.update", label: "Edited" },
  "contact.inactivated": { batch: "contacts.inactivate", label: "Inactivated" },
  "contact.reactivated": { batch: "contacts.reactivate", label: "Reactivated" },
  "contact.added_to_project": { batch: "project.add_contacts", label: "Added to project" },
  "contact.removed_from_project": { batch: "project.remove_contacts", label: "Removed from project" },
  "contact.imported": { batch: "contacts.import", label: "Imported" },
  "contact.updated_by_import": { batch: "contacts.import", label: "Updated by import" },
  "contact.merged": { batch: "contacts.merge", label: "Merged" },
  "contact.merged_into": { batch: "contacts.merge", label: "Merged into another contact" },
  "contact.invited": { batch: "user.invite", label: "Invited to Rollcall" },
  // Under user.accept_invitation, or user.add when the person already had their own login.
  "contact.became_user": { batch: "user.accept_invitation", label: "Became a Rollcall user" },
  "batch.undone": { batch: "batch.undo", label: "Undone" },
  "vendor.created": { batch: "vendor.create", label: "Company created" },
  "vendor.updated": { batch: "vendor.update", label: "Company edited" },
  "vendor.inactivated": { batch: "vendors.inactivate", label: "Company inactivated" },
  "vendor.reactivated": { batch: "vendors.reactivate", label: "Company reactivated" },
  "vendor.merged": { batch: "vendors.merge", label: "Company merged away" },
  "vendor.merged_into": { batch: "vendors.merge", label: "Companies merged" },
  "vendor.undone": { batch: "batch.undo", label: "Company change undone" },
} as const satisfies Record<HistoryAction, { batch: string; label: string }>;

/** What the history records, as the API and the Change History filter name it, in the filter's order. */
export const HISTORY_ACTIONS = historyEventSchema.options.map((option) => option.shape.action.value);

// Users' events (the UserEvent table): what a change did to one user in one company.
const permissionLevel = z.enum(["NONE", "READ_ONLY", "STANDARD", "ADMIN"]);
const userStatus = z.enum(["INVITED", "ACTIVE", "INACTIVE"]);

/** Each kind of user event with its payload; the discriminator is `action`. */
export function userEventUnion<Base extends z.core.$ZodLooseShape>(base: Base) {
  const event = <const Action extends string, Changes extends z.ZodType>(action: Action, changes: Changes) =>
    z.strictObject({ ...base, action: z.literal(action), changes });
  const joined = z.strictObject({
    status: z.strictObject({ from: z.literal("INVITED").nullable(), to: z.literal("ACTIVE") }),
    level: permissionLevel,
    contactId: z.uuid().optional().meta({ description: "The contact who became this user." }),
  });
  return z.discriminatedUnion("action", [
    event(
      "user.invited",
      z.strictObject({
        email: z.string(),
        level: permissionLevel,
        contactId: z.uuid().optional().meta({ description: "The contact invited to become a user." }),
      }),
    ),
    event("user.added", joined),
    event("user.joined", joined),
    event(
      "user.invitation_revoked",
      z.strictObject({ status: z.strictObject({ from: z.literal("INVITED"), to: z.null() }) }),
    ),
    event(
      "user.level_changed",
      z.strictObject({
        projectId: z.uuid().nullable().meta({ description: "The project, or null for the company Directory level." }),
        level: z.strictObject({ from: permissionLevel.nullable(), to: permissionLevel.nullable() }),
      }),
    ),
    event(
      "user.inactivated",
      z.strictObject({ status: z.strictObject({ from: userStatus, to: z.literal("INACTIVE") }) }),
    ),
    event(
      "user.reactivated",
      z.strictObject({ status: z.strictObject({ from: z.literal("INACTIVE"), to: z.literal("ACTIVE") }) }),
    ),
  ]);
}

export const userEventSchema = userEventUnion({});
export type UserEvent = z.output<typeof userEventSchema>;
export type UserEventAction = UserEvent["action"];
export type UserEventChanges<A extends UserEventAction> = Extract<UserEvent, { action: A }>["changes"];

/** Per kind of user event: its batch, and how people read it. */
export const USER_EVENT_INFO = {
  "user.invited": { batch: "user.invite", label: "Invited" },
  "user.added": { batch: "user.add", label: "Added" },
  "user.joined": { batch: "user.accept_invitation", label: "Accepted the invitation" },
  "user.invitation_revoked": { batch: "user.revoke_invitation", label: "Invitation revoked" },
  "user.level_changed": { batch: "user.change_level", label: "Level changed" },
  "user.inactivated": { batch: "users.inactivate", label: "Inactivated" },
  "user.reactivated": { batch: "users.reactivate", label: "Reactivated" },
} as const satisfies Record<UserEventAction, { batch: string; label: string }>;

export const USER_EVENT_ACTIONS = userEventSchema.options.map((option) => option.shape.action.value);

/** What a batch did; the undo rules (src/server/history/undo-batch.ts) follow from it. */
export type BatchAction =
  (typeof HISTORY_ACTION_INFO)[HistoryAction]["batch"] | (typeof USER_EVENT_INFO)[UserEventAction]["batch"];
export const batchActionSchema = z.enum([
  ...new Set([
    ...HISTORY_ACTIONS.map((action) => HISTORY_ACTION_INFO[action].batch),
    ...USER_EVENT_ACTIONS.map((action) => USER_EVENT_INFO[action].batch),
  ]),
] as BatchAction[]);

/** The events a company (vendor) records, in VendorEvent; the others are a contact's, in ContactEvent. */
export type VendorHistoryAction = Extract<HistoryAction, `vendor.${string}`>;
export const VENDOR_HISTORY_ACTIONS = HISTORY_ACTIONS.filter((a): a is VendorHistoryAction => a.startsWith("vendor."));
export const CONTACT_HISTORY_ACTIONS = HISTORY_ACTIONS.filter((a) => !a.startsWith("vendor."));
export type VendorHistoryEvent = Extract<HistoryEvent, { action: VendorHistoryAction }>;
export type ContactHistoryEvent = Exclude<HistoryEvent, { action: VendorHistoryAction }>;

/** How an action reads in the Change History and the contact timeline. */
export function actionLabel(action: HistoryAction): string {
  return HISTORY_ACTION_INFO[action].label;
}
