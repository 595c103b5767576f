"use client";

import { useCallback, useState } from "react";
import { Combobox, optionsOf } from "@/components/ui/combobox";
import { searchVendorOptionsAction } from "../actions";

/** A company as a picker names the one chosen: its name, and whether it has been inactivated since. */
export type ChosenCompany = { id: string; name: string; inactive?: boolean };

type Props = {
  companyId: string;
  label?: string;
  /** The company chosen when the picker appears: a contact's own, a filter's. */
  initial: ChosenCompany | null;
  /** Forms: the field that carries the chosen id. */
  name?: string;
  /** The option that chooses none: "All companies" (a filter), "None (…)" (a form). */
  noneLabel: string;
  layout?: "inline" | "stacked";
  error?: string;
  className?: string;
  onChange?: (id: string | null) => void;
};

/** What a chosen company reads as: an inactive one is marked so (no picker offers it any more). */
export function chosenLabel(company: ChosenCompany): string {
  return company.inactive ? `${company.name} (inactive)` : company.name;
}

/**
 * Chooses a company (vendor) by searching on the server: only active companies are
 * offered, 20 at a time, so no page carries thousands of options. The one already chosen
 * shows even when inactive, marked so.
 */
export function CompanyPicker({
  companyId,
  label = "Company",
  initial,
  name,
  noneLabel,
  layout = "stacked",
  error,
  className,
  onChange,
}: Props) {
  const search = useCallback((q: string) => optionsOf(searchVendorOptionsAction({ companyId, q })), [companyId]);
  const [chosen, setChosen] = useState<ChosenCompany | null>(initial);
  return (
    <Combobox
      label={label}
      layout={layout}
      name={name}
      value={chosen?.id ?? null}
      selectedLabel={chosen ? chosenLabel(chosen) : null}
      noneLabel={noneLabel}
      search={search}
      error={error}
      className={className ?? (layout === "stacked" ? "w-full" : "w-56")}
      onChange={(id, label) => {
        setChosen(id && label ? { id, name: label } : null);
        onChange?.(id);
      }}
    />
  );
}
