import type { DuplicateContact } from "@/server/contacts/find-duplicate-groups";

/** A contact as Merge Contacts and the Duplicates page show it: its fields, status, projects and what would move. */
export type MergeCandidate = DuplicateContact;
