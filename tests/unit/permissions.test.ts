import { describe, expect, test } from "vitest";
import type { PermissionLevel } from "@/generated/prisma/enums";
import { can, projectLevel, REFUSAL, type Permission } from "@/server/permissions/can";

const LEVELS: PermissionLevel[] = ["NONE", "READ_ONLY", "STANDARD", "ADMIN"];
const PERMISSIONS = Object.keys(REFUSAL) as Permission[];

const PROJECT = "11111111-1111-4111-8111-111111111111";
const OTHER_PROJECT = "22222222-2222-4222-8222-222222222222";

function actor(companyLevel: PermissionLevel, projectLevels: Record<string, PermissionLevel> = {}) {
  return { companyLevel, projectLevels: new Map(Object.entries(projectLevels)) };
}

/** What each company level may do with no project in scope (the company directory). */
const COMPANY_SCOPE: Record<Permission, Record<PermissionLevel, boolean>> = {
  "view contacts": { NONE: false, READ_ONLY: true, STANDARD: true, ADMIN: true },
  "view inactive contacts": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  "edit contacts": { NONE: false, READ_ONLY: false, STANDARD: true, ADMIN: true },
  "change contact status": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  // Project membership is only ever managed on a project.
  "manage project members": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: false },
  "manage users": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  "create projects": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  "view history": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  "import contacts": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  "view inactive companies": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
  "edit companies": { NONE: false, READ_ONLY: false, STANDARD: true, ADMIN: true },
  "change company status": { NONE: false, READ_ONLY: false, STANDARD: false, ADMIN: true },
};

/**
 * The level that counts on a project: company Admin is Admin everywhere; otherwise the
 * project's own level when set (even a lower one), else the company level.
 */
const EFFECTIVE_PROJECT_LEVEL: [
  company: PermissionLevel,
  project: PermissionLevel | "unset",
  effective: PermissionLevel,
][] = [
  ["NONE", "unset", "NONE"],
  ["NONE", "NONE", "NONE"],
  ["NONE", "READ_ONLY", "READ_ONLY"],
  ["NONE", "STANDARD", "STANDARD"],
  ["NONE", "ADMIN", "ADMIN"],
  ["READ_ONLY", "unset", "READ_ONLY"],
  ["READ_ONLY", "NONE", "NONE"],
  ["READ_ONLY", "READ_ONLY", "READ_ONLY"],
  ["READ_ONLY", "STANDARD", "STANDARD"],
  ["READ_ONLY", "ADMIN", "ADMIN"],
  ["STANDARD", "unset", "STANDARD"],
  ["STANDARD", "NONE", "NONE"],
  ["STANDARD", "READ_ONLY", "READ_ONLY"],
  ["STANDARD", "STANDARD", "STANDARD"],
  ["STANDARD", "ADMIN", "ADMIN"],
  ["ADMIN", "unset", "ADMIN"],
  ["ADMIN", "NONE", "ADMIN"],
  ["ADMIN", "READ_ONLY", "ADMIN"],
  ["ADMIN", "STANDARD", "ADMIN"],
  ["ADMIN", "ADMIN", "ADMIN"],
];

/**
 * What each permission needs with a project in scope: a level on that project, or, for
 * the company-wide ones, a company level whatever the project says.
 */
const PROJECT_SCOPE: Record<Permission, { project: PermissionLevel } | { company: PermissionLevel }> = {
  "view contacts": { project: "READ_ONLY" },
  "view inactive contacts": { project: "ADMIN" },
  "edit contacts": { project: "STANDARD" },
  "change contact status": { company: "ADMIN" },
  "manage project members": { project: "ADMIN" },
  "manage users": { company: "ADMIN" },
  "create projects": { company: "ADMIN" },
  "view history": { company: "ADMIN" },
  "import contacts": { project: "ADMIN" },
  // Companies belong to the company directory: a project's level never changes what one may do with them.
  "view inactive companies": { company: "ADMIN" },
  "edit companies": { company: "STANDARD" },
  "change company status": { company: "ADMIN" },
};

const rank = (level: PermissionLevel) => LEVELS.indexOf(level);

describe("can() on the company directory", () => {
  const cases = LEVELS.flatMap((level) =>
    PERMISSIONS.map((permission) => [level, permission, COMPANY_SCOPE[permission][level]] as const),
  );

  test.each(cases)("company %s, %s: %s", (level, permission, allowed) => {
    expect(can(actor(level), permission)).toBe(allowed);
  });

  test.each(cases)("company %s, %s: %s, whatever the user's project levels", (level, permission, allowed) => {
    const grants = Object.fromEntries(LEVELS.map((l) => [`project-${l}`, l]));
    expect(can(actor(level, grants), permission)).toBe(allowed);
  });
});

describe("projectLevel()", () => {
  test.each(EFFECTIVE_PROJECT_LEVEL)("company %s, project %s: %s on the project", (company, project, effective) => {
    const user = actor(company, project === "unset" ? {} : { [PROJECT]: project });
    expect(projectLevel(user, PROJECT)).toBe(effective);
    // A level set on one project says nothing about another.
    expect(projectLevel(user, OTHER_PROJECT)).toBe(company);
  });
});

describe("can() on a project directory", () => {
  const cases = EFFECTIVE_PROJECT_LEVEL.flatMap(([company, project, effective]) =>
    PERMISSIONS.map((permission) => {
      const needs = PROJECT_SCOPE[permission];
      const allowed =
        "project" in needs ? rank(effective) >= rank(needs.project) : rank(company) >= rank(needs.company);
      return [company, project, permission, allowed] as const;
    }),
  );

  test.each(cases)("company %s, project %s, %s: %s", (company, project, permission, allowed) => {
    const user = actor(company, project === "unset" ? {} : { [PROJECT]: project });
    expect(can(user, permission, { projectId: PROJECT })).toBe(allowed);
  });
});

/** Users as the issue describes them, and everything each may do where. */
const PERSONAS: {
  name: string;
  company: PermissionLevel;
  onProject?: PermissionLevel;
  /** With no project in scope. */
  companyScope: Permission[];
  /** On PROJECT, where onProject is set. */
  project: Permission[];
  /** On OTHER_PROJECT, where nothing is set. */
  otherProject: Permission[];
}[] = [
  {
    name: "a project manager (company Read Only, Admin on one project)",
    company: "READ_ONLY",
    onProject: "ADMIN",
    companyScope: ["view contacts"],
    project: ["view contacts", "view inactive contacts", "edit contacts", "manage project members", "import contacts"],
    otherProject: ["view contacts"],
  },
  {
    name: "a site user (company None, Standard on one project)",
    company: "NONE",
    onProject: "STANDARD",
    companyScope: [],
    project: ["view contacts", "edit contacts"],
    otherProject: [],
  },
  {
    name: "a project-only admin (company None, Admin on one project)",
    company: "NONE",
    onProject: "ADMIN",
    companyScope: [],
    project: ["view contacts", "view inactive contacts", "edit contacts", "manage project members", "import contacts"],
    otherProject: [],
  },
  {
    name: "a Standard user kept to Read Only on one project",
    company: "STANDARD",
    onProject: "READ_ONLY",
    companyScope: ["view contacts", "edit contacts", "edit companies"],
    // Companies belong to the company directory: a project's level does not change what one may do with them.
    project: ["view contacts", "edit companies"],
    otherProject: ["view contacts", "edit contacts", "edit companies"],
  },
  {
    name: "a Standard user shut out of one project",
    company: "STANDARD",
    onProject: "NONE",
    companyScope: ["view contacts", "edit contacts", "edit companies"],
    project: ["edit companies"],
    otherProject: ["view contacts", "edit contacts", "edit companies"],
  },
  {
    name: "a company Admin set to None on one project (still Admin there)",
    company: "ADMIN",
    onProject: "NONE",
    companyScope: [
      "view contacts",
      "view inactive contacts",
      "edit contacts",
      "change contact status",
      "manage users",
      "create projects",
      "view history",
      "import contacts",
      "view inactive companies",
      "edit companies",
      "change company status",
    ],
    project: PERMISSIONS,
    otherProject: PERMISSIONS,
  },
];

describe.each(PERSONAS)("$name", ({ company, onProject, companyScope, project, otherProject }) => {
  const user = actor(company, onProject ? { [PROJECT]: onProject } : {});
  const allowed = (scope: { projectId?: string }) => PERMISSIONS.filter((p) => can(user, p, scope));

  test("on the company directory", () => {
    expect(allowed({})).toEqual(companyScope);
  });
  test("on their project", () => {
    expect(allowed({ projectId: PROJECT })).toEqual(project);
  });
  test("on another project", () => {
    expect(allowed({ projectId: OTHER_PROJECT })).toEqual(otherProject);
  });
});

test("every permission has a refusal message a person can act on", () => {
  for (const permission of PERMISSIONS) expect(REFUSAL[permission].length).toBeGreaterThan(20);
});
