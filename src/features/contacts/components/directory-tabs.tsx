"use client";

import Link from "next/link";

type Tab = { id: string; label: string; href: string; count?: number; noun: string };

type Props = {
  /** `/companies/:id/directory` or a project's. */
  basePath: string;
  current: string;
  counts: { active: number; inactive: number };
  /** Only Directory admins see the Inactive Contacts tab. */
  showInactive: boolean;
  /** The company directory also lists its Companies (vendors), and for Directory admins the inactive ones. */
  companyCounts?: { active: number; inactive: number };
  showInactiveCompanies?: boolean;
  /** The company directory also lists its Users (people with a login). */
  usersCount?: number;
  showUsers?: boolean;
  /** Company admins also see Inactive Users (with its count where the page knows it). */
  showInactiveUsers?: boolean;
  inactiveUsersCount?: number;
};

/**
 * The directory's tabs are links in the Tab order (each tab has its own URL), the current
 * one marked `aria-current="page"`. A tab's accessible name is exactly its label; the
 * count is its description. A client component, so the page carries its few props
 * rather than its markup a second time in the React payload; styled by .dir-tab
 * (globals.css).
 */
export function DirectoryTabs({
  basePath,
  current,
  counts,
  showInactive,
  companyCounts,
  showInactiveCompanies,
  usersCount,
  showUsers = usersCount !== undefined,
  showInactiveUsers = false,
  inactiveUsersCount,
}: Props) {
  const tabs: Tab[] = [
    { id: "contacts", label: "Contacts", href: `${basePath}/contacts`, count: counts.active, noun: "contact" },
    ...(showInactive
      ? [
          {
            id: "inactive-contacts",
            label: "Inactive Contacts",
            href: `${basePath}/inactive-contacts`,
            count: counts.inactive,
            noun: "contact",
          },
        ]
      : []),
    ...(companyCounts
      ? [
          {
            id: "companies",
            label: "Companies",
            href: `${basePath}/companies`,
            count: companyCounts.active,
            noun: "company",
          },
          ...(showInactiveCompanies
            ? [
                {
                  id: "inactive-companies",
                  label: "Inactive Companies",
                  href: `${basePath}/inactive-companies`,
                  count: companyCounts.inactive,
                  noun: "company",
                },
              ]
            : []),
        ]
      : []),
    ...(showUsers ? [{ id: "users", label: "Users", href: `${basePath}/users`, count: usersCount, noun: "user" }] : []),
    ...(showUsers && showInactiveUsers
      ? [
          {
            id: "inactive-users",
            label: "Inactive Users",
            href: `${basePath}/inactive-users`,
            count: inactiveUsersCount,
            noun: "user",
          },
        ]
      : []),
  ];
  return (
    <>
      <nav aria-label="Directory" className="flex flex-wrap gap-x-1 border-b border-slate-200">
        {tabs.map((tab) => {
          const selected = tab.id === current;
          return (
            <Link
              key={tab.id}
              id={`tab-${tab.id}`}
              href={tab.href}
              aria-current={selected ? "page" : undefined}
              aria-describedby={tab.count === undefined ? undefined : `tab-${tab.id}-count`}
              className="dir-tab"
            >
              {tab.label}
              {tab.count !== undefined && <span aria-hidden>{tab.count.toLocaleString("en-US")}</span>}
            </Link>
          );
        })}
      </nav>
      {tabs.map((tab) =>
        tab.count === undefined ? null : (
          <span key={tab.id} id={`tab-${tab.id}-count`} hidden>
            {`${tab.count.toLocaleString("en-US")} ${tab.count === 1 ? tab.noun : tab.noun === "company" ? "companies" : `${tab.noun}s`}`}
          </span>
        ),
      )}
    </>
  );
}
