// The Companies tabs' query: URL state and parsers the page and the table share, and the
// same filters in the domain's words for the server. No zod here: client code imports it.
import { parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { VendorKind, type VendorStatus } from "@/generated/prisma/enums";
import { PAGE_SIZES } from "./directory-query";

/** The two Companies tabs of the company directory, as they appear in the URL path. */
export const VENDOR_TABS = ["companies", "inactive-companies"] as const;
export type VendorTab = (typeof VENDOR_TABS)[number];

/** The statuses a tab lists: merged-away companies are on neither. */
export type VendorListStatus = Exclude<VendorStatus, "MERGED">;

export function vendorTabStatus(tab: VendorTab): VendorListStatus {
  return tab === "companies" ? "ACTIVE" : "INACTIVE";
}

/** Columns the server sorts companies by; the table offers sorting on exactly these. */
export const VENDOR_SORTABLE_COLUMNS = ["name", "kind", "trade", "contacts", "projects"] as const;
export type VendorSortableColumn = (typeof VENDOR_SORTABLE_COLUMNS)[number];
export const VENDOR_SORT_VALUES = VENDOR_SORTABLE_COLUMNS.flatMap((c) => [`${c}.asc`, `${c}.desc`] as const);
export type VendorSortValue = `${VendorSortableColumn}.${"asc" | "desc"}`;

export const vendorSearchParams = {
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(VENDOR_SORT_VALUES as VendorSortValue[]).withDefault("name.asc"),
  page: parseAsInteger.withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(50),
  kind: parseAsStringLiteral(Object.values(VendorKind)),
};

export type VendorQuery = {
  q: string;
  sort: VendorSortValue;
  page: number;
  perPage: (typeof PAGE_SIZES)[number];
  kind: VendorKind | null;
};

/** Which companies a tab lists, in the domain's words. */
export type VendorFilters = {
  status: VendorListStatus;
  /** Words that must each match the name, trade, phone, email or license number. */
  q: string;
  kind?: VendorKind | null;
};

export function splitVendorSort(sort: VendorSortValue): { column: VendorSortableColumn; desc: boolean } {
  const [column, dir] = sort.split(".") as [VendorSortableColumn, "asc" | "desc"];
  return { column, desc: dir === "desc" };
}

/** How a contact's company reads wherever the contact is shown: an inactive one is marked so. */
export function companyLabel(vendor: { name: string; status: VendorStatus }): string {
  return vendor.status === "ACTIVE" ? vendor.name : `${vendor.name} (inactive)`;
}
