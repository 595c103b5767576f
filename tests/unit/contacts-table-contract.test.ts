import { constructTable, tableFeatures } from "@tanstack/react-table";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { describe, expect, test } from "vitest";
import { contactsTableFeatures, getContactsTableColumns } from "@/features/contacts/components/contacts-table-columns";
import { SORTABLE_COLUMNS, parseDirectorySearchParams } from "@/features/contacts/validations";

// The table the component builds, without React: the same features and columns, with
// the framework-free reactivity bindings useTable would otherwise supply.
function buildTable(selectable: boolean) {
  return constructTable({
    features: tableFeatures({ ...contactsTableFeatures, coreReactivityFeature: storeReactivityBindings() }),
    columns: getContactsTableColumns({ selectable }),
    data: [],
    manualSorting: true,
  });
}

function sortableColumnIds(selectable: boolean) {
  return buildTable(selectable).getAllLeafColumns().filter((c) => c.getCanSort()).map((c) => c.id);
}

describe("the contacts table and the server agree on sorting", () => {
  test.each([true, false])("columns the table lets users sort (selectable: %s) are exactly those the server sorts by", (selectable) => {
    expect(sortableColumnIds(selectable).sort()).toEqual([...SORTABLE_COLUMNS].sort());
  });

  test("the server parser accepts every sortable column in both directions", () => {
    for (const id of sortableColumnIds(true)) {
      for (const dir of ["asc", "desc"]) {
        const { query, isCanonical } = parseDirectorySearchParams({ sort: `${id}.${dir}` });
        expect(query.sort).toBe(`${id}.${dir}`);
        expect(isCanonical).toBe(true);
      }
    }
  });

  test("the server parser refuses the columns the table does not sort", () => {
    const unsortable = buildTable(true).getAllLeafColumns().filter((c) => !c.getCanSort()).map((c) => c.id);
    expect(unsortable.sort()).toEqual(["projects", "select"]);
    for (const id of unsortable) {
      expect(parseDirectorySearchParams({ sort: `${id}.asc` }).isCanonical).toBe(false);
    }
  });

  test("the table lists Name, Company, Job title, Email, Phone and Projects after the checkbox", () => {
    const columns = getContactsTableColumns({ selectable: true });
    expect(columns.map((c) => c.header)).toEqual(
      [expect.any(Function), "Name", "Company", "Job title", "Email", "Phone", "Projects"],
    );
  });
});
