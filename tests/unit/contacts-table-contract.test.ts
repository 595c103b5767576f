import { constructTable, tableFeatures } from "@tanstack/react-table";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  contactsTableFeatures,
  getContactsTableColumns,
  type ContactsTableColumnOptions,
} from "@/features/contacts/components/contacts-table-columns";
import { parseDirectorySearchParams } from "@/features/contacts/validations";
import { HIDEABLE_COLUMNS, SORTABLE_COLUMNS } from "@/shared/directory-query";

const tabs: ContactsTableColumnOptions["rowAction"][] = ["inactivate", "reactivate", "remove"];

// The table the component builds, without React: the same features and columns, with
// the framework-free reactivity bindings useTable would otherwise supply.
function buildTable(rowAction: ContactsTableColumnOptions["rowAction"] = "inactivate") {
  return constructTable({
    features: tableFeatures({ ...contactsTableFeatures, coreReactivityFeature: storeReactivityBindings() }),
    columns: getContactsTableColumns({ companyId: randomUUID(), rowAction, onRowAction: () => {} }),
    data: [],
    manualSorting: true,
  });
}

describe("the contacts table and the server agree", () => {
  test.each(tabs)("the columns users can sort (row action %s) are exactly those the server sorts by", (rowAction) => {
    const sortable = buildTable(rowAction)
      .getAllLeafColumns()
      .filter((c) => c.getCanSort())
      .map((c) => c.id);
    expect(sortable.sort()).toEqual([...SORTABLE_COLUMNS].sort());
  });

  test("the server parser accepts every sortable column in both directions", () => {
    for (const column of buildTable()
      .getAllLeafColumns()
      .filter((c) => c.getCanSort())) {
      for (const dir of ["asc", "desc"]) {
        const { query, isCanonical } = parseDirectorySearchParams({ sort: `${column.id}.${dir}` });
        expect(query.sort).toBe(`${column.id}.${dir}`);
        expect(isCanonical).toBe(true);
      }
    }
  });

  test("the server parser refuses sorting by the columns the table does not sort", () => {
    const unsortable = buildTable()
      .getAllLeafColumns()
      .filter((c) => !c.getCanSort())
      .map((c) => c.id);
    expect(unsortable.sort()).toEqual(["actions", "projects", "select"]);
    for (const id of unsortable) {
      expect(parseDirectorySearchParams({ sort: `${id}.asc` }).isCanonical).toBe(false);
    }
  });

  test("the columns users can hide are exactly those the URL can hide", () => {
    const hideable = buildTable()
      .getAllLeafColumns()
      .filter((c) => c.getCanHide())
      .map((c) => c.id);
    expect(hideable.sort()).toEqual([...HIDEABLE_COLUMNS].sort());
    expect(parseDirectorySearchParams({ hide: "name" }).isCanonical).toBe(false);
  });

  test("the table lists Name, Company, Job title, Email, Phone and Projects between the checkbox and the row actions", () => {
    expect(
      buildTable()
        .getAllLeafColumns()
        .map((c) => c.id),
    ).toEqual(["select", "name", "company", "jobTitle", "email", "phone", "projects", "actions"]);
    const headers = getContactsTableColumns({
      companyId: randomUUID(),
      rowAction: "inactivate",
      onRowAction: () => {},
    }).map((c) => c.header);
    expect(headers.slice(1, 7)).toEqual(["Name", "Company", "Job title", "Email", "Phone", "Projects"]);
  });
});
