"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import { SORTABLE_COLUMNS } from "@/shared/directory-query";
import { selectColumn } from "@/components/data-table/select-column";
import { dataTableFeatures, type DataTableFeatures } from "@/components/data-table/use-data-table";
import { fullName } from "../contact-name";
import type { LifecycleKind } from "./lifecycle-kind";
import { RowActions } from "./row-actions";
import { companyLabel } from "@/shared/vendor-query";

/** The contacts table is a data table (src/components/data-table): it has the kit's features. */
export const contactsTableFeatures = dataTableFeatures;
export type ContactsTableFeatures = DataTableFeatures;

const helper = createColumnHelper<ContactsTableFeatures, ContactListRow>();
const sortable = (id: string) => (SORTABLE_COLUMNS as readonly string[]).includes(id);

export function contactHref(companyId: string, contactId: string) {
  return `/companies/${companyId}/contacts/${contactId}`;
}

export type ContactsTableColumnOptions = {
  companyId: string;
  /** What a row's own action does on this tab; null when the user may not change rows (no checkboxes either). */
  rowAction: LifecycleKind | null;
  onRowAction: (contact: ContactListRow, trigger: HTMLButtonElement | null) => void;
};

/** Columns in display order: the checkbox first, then data, the row's actions last. */
export function getContactsTableColumns({ companyId, rowAction, onRowAction }: ContactsTableColumnOptions) {
  const select = selectColumn<ContactListRow>(fullName);
  const data = helper
    .columns([
      helper.accessor((c) => `${c.lastName}, ${c.firstName}`, {
        id: "name",
        header: "Name",
        enableHiding: false,
        cell: ({ row }) => (
          // Styled by the table (globals.css .dt-t a): this link is on every row.
          <Link href={contactHref(companyId, row.original.id)}>{fullName(row.original)}</Link>
        ),
      }),
      helper.accessor((c) => (c.vendor ? companyLabel(c.vendor) : ""), { id: "company", header: "Company" }),
      helper.accessor((c) => c.jobTitle ?? "", { id: "jobTitle", header: "Job title" }),
      helper.accessor((c) => c.email ?? "", {
        id: "email",
        header: "Email",
        cell: ({ getValue }) => {
          const email = getValue();
          return email ? <a href={`mailto:${email}`}>{email}</a> : null;
        },
      }),
      // Kept on one line by the table (globals.css .dt-x), not by a span in every row.
      helper.accessor((c) => c.phone ?? "", { id: "phone", header: "Phone" }),
      helper.display({
        id: "projects",
        header: "Projects",
        cell: ({ row }) => <ProjectsCell projects={row.original.projects} />,
      }),
    ])
    .map((column) => ({ ...column, enableSorting: sortable(column.id ?? "") }));
  const actions = helper.display({
    id: "actions",
    enableHiding: false,
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <RowActions
        contact={row.original}
        name={fullName(row.original)}
        href={contactHref(companyId, row.original.id)}
        kind={rowAction}
        onAction={onRowAction}
      />
    ),
  });
  const selection = rowAction ? [select] : [];
  return [...selection, ...data, { ...actions, enableSorting: false }];
}

function ProjectsCell({ projects }: { projects: ContactListRow["projects"] }) {
  if (projects.count === 0) return <span className="text-slate-500">None</span>;
  return (
    <>
      {projects.first}
      {projects.count > 1 && <small>{` +${projects.count - 1} more`}</small>}
    </>
  );
}
