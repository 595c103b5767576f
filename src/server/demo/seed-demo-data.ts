import { Faker, en } from "@faker-js/faker";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ContactOrigin, MembershipStatus, ProjectStatus, VendorKind } from "@/generated/prisma/enums";
import { DEMO_COMPANY_ID, DEMO_PASSWORD, DEMO_USERS, OTHER_DEMO_COMPANY_ID } from "./demo-company";
import { hashPassword } from "better-auth/crypto";

const PROJECTS: { name: string; number: string; status: ProjectStatus }[] = [
  { name: "Harbor View Medical Center", number: "2024-101", status: "ACTIVE" },
  { name: "Riverside Elementary Addition", number: "2024-114", status: "ACTIVE" },
  { name: "Cedar Park Apartments", number: "2025-007", status: "ACTIVE" },
  { name: "Northgate Distribution Warehouse", number: "2025-019", status: "ACTIVE" },
  { name: "Main Street Parking Structure", number: "2025-032", status: "ON_HOLD" },
  { name: "Lakeshore Water Treatment Upgrade", number: "2025-040", status: "ACTIVE" },
  { name: "Summit Tech Campus Building B", number: "2026-003", status: "BIDDING" },
  { name: "Oak Hollow Fire Station 12", number: "2023-088", status: "COMPLETED" },
];

const OTHER_PROJECTS: { name: string; number: string; status: ProjectStatus }[] = [
  { name: "Bayfront Office Tower", number: "NW-301", status: "ACTIVE" },
  { name: "Elm Street Library Renovation", number: "NW-302", status: "ACTIVE" },
  { name: "Kestrel Ridge Townhomes", number: "NW-303", status: "BIDDING" },
];

const TRADES = [
  "Electrical",
  "Plumbing",
  "HVAC",
  "Concrete",
  "Structural Steel",
  "Drywall",
  "Roofing",
  "Painting",
  "Masonry",
  "Earthwork",
  "Glazing",
  "Fire Protection",
  "Flooring",
  "Elevators",
  "Landscaping",
  "Carpentry",
  "Insulation",
  "Demolition",
  "Waterproofing",
  "Paving",
  "Millwork",
  "Sheet Metal",
  "Low Voltage",
  "Surveying",
];
const SUPPLIES = ["Lumber", "Rebar", "Ready-Mix Concrete", "Equipment Rental", "Staffing", "Safety Supply"];

const CRAFT = [
  ["Journeyman", "Electrician"],
  ["Apprentice", "Electrician"],
  ["Journeyman", "Plumber"],
  ["Foreman", "Carpenter"],
  ["Journeyman", "Carpenter"],
  ["Laborer", "General Laborer"],
  ["Journeyman", "Ironworker"],
  ["Journeyman", "Pipefitter"],
  ["Operator", "Equipment Operator"],
  ["Foreman", "Concrete Finisher"],
  ["Journeyman", "Drywall Finisher"],
  ["Apprentice", "Sheet Metal Worker"],
  ["Journeyman", "Roofer"],
  ["Journeyman", "Glazier"],
  ["Laborer", "Flagger"],
] as const;
const VISITORS = ["Building Inspector", "Owner's Representative", "Architect", "Safety Consultant", "Delivery Driver"];

/** How the demo seed picks who is inactive and who was removed from a project. */
const INACTIVE_SHARE = 0.18;
const REMOVED_SHARE = 0.08;

export type SeedDemoOptions = { onlyIfEmpty?: boolean };
export type SeedDemoResult = { seeded: boolean; companyId: string };

/**
 * Writes the demo data: Summit Ridge Construction (8 projects, 30 vendors, 300 contacts
 * spread over the projects, some inactive, some removed from a project), a smaller second
 * company, and the demo users of both (README lists them; password "rollcall-demo").
 * Deterministic (fixed faker seeds), and a second run changes nothing. Only this demo seed
 * creates users with a known password.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  { onlyIfEmpty = false }: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const existing = onlyIfEmpty
    ? await prisma.company.count()
    : await prisma.company.count({ where: { id: DEMO_COMPANY_ID } });
  if (existing > 0) return { seeded: false, companyId: DEMO_COMPANY_ID };

  const companies = [
    buildDemoData({ companyId: DEMO_COMPANY_ID, seed: 20261130, projects: PROJECTS, contacts: 300 }),
    // A second company, so that isolation between tenants can be seen and tested.
    buildDemoData({ companyId: OTHER_DEMO_COMPANY_ID, seed: 20261201, projects: OTHER_PROJECTS, contacts: 40 }),
  ];
  // Hashed by the same library that checks sign-ins (scrypt): slow on purpose, so once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    await tx.company.createMany({
      data: [
        { id: DEMO_COMPANY_ID, name: "Summit Ridge Construction" },
        { id: OTHER_DEMO_COMPANY_ID, name: "Northwind Builders" },
      ],
    });
    for (const data of companies) {
      await tx.project.createMany({ data: data.projects });
      await tx.vendor.createMany({ data: data.vendors });
      await tx.contact.createMany({ data: data.contacts });
      await tx.projectContact.createMany({ data: data.memberships });
    }
    for (const user of DEMO_USERS) {
      const { id } = await tx.user.create({ data: { name: user.name, email: user.email, emailVerified: true } });
      await tx.account.create({
        data: { userId: id, accountId: id, providerId: "credential", password: passwordHash },
      });
      await tx.companyMember.create({ data: { companyId: user.companyId, userId: id, directoryLevel: user.level } });
      if (user.projectAdminOf) {
        const project = companies[0]!.projects.find((p) => p.name === user.projectAdminOf)!;
        await tx.projectPermission.create({
          data: { companyId: user.companyId, projectId: project.id, userId: id, level: "ADMIN" },
        });
      }
    }
  });
  return { seeded: true, companyId: DEMO_COMPANY_ID };
}

type DemoSpec = {
  companyId: string;
  seed: number;
  projects: { name: string; number: string; status: ProjectStatus }[];
  contacts: number;
};

function buildDemoData(spec: DemoSpec) {
  const faker = new Faker({ locale: [en] });
  faker.seed(spec.seed);
  const companyId = spec.companyId;
  const base = new Date("2026-11-01T15:00:00Z");

  const projects = spec.projects.map((p) => ({ ...p, id: faker.string.uuid(), companyId }));

  const vendorNames = new Set<string>();
  const vendors = Array.from({ length: 30 }, (_, i) => {
    const kind: VendorKind = i < 24 ? "SUBCONTRACTOR" : "SUPPLIER";
    const trade = kind === "SUBCONTRACTOR" ? TRADES[i]! : SUPPLIES[i - 24]!;
    let name: string;
    do {
      name = `${faker.company.name().replace(/,.*$/, "")} ${kind === "SUPPLIER" ? "Supply" : trade}`;
    } while (vendorNames.has(name));
    vendorNames.add(name);
    return { id: faker.string.uuid(), companyId, name, kind, trade };
  });
  const subcontractors = vendors.filter((v) => v.kind === "SUBCONTRACTOR");
  const staffing = vendors.find((v) => v.trade === "Staffing")!;

  const contacts = [];
  const memberships: {
    companyId: string;
    projectId: string;
    contactId: string;
    status: MembershipStatus;
    removedAt: Date | null;
  }[] = [];

  for (let i = 0; i < spec.contacts; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const kind = i % 10 < 7 ? "craft" : i % 10 < 9 ? "temp" : "visitor";
    const [classification, jobTitle] =
      kind === "visitor"
        ? ["Visitor", faker.helpers.arrayElement(VISITORS)]
        : kind === "temp"
          ? ["Temporary", faker.helpers.arrayElement(["General Laborer", "Cleanup Crew", "Flagger"])]
          : faker.helpers.arrayElement(CRAFT);
    const isEmployee = kind === "craft" && i % 7 === 0;
    const vendor = isEmployee
      ? null
      : kind === "temp"
        ? staffing
        : kind === "visitor"
          ? null
          : faker.helpers.arrayElement(subcontractors);
    const onProjects = faker.helpers.arrayElements(projects, { min: 1, max: kind === "craft" ? 3 : 1 });
    const inactive = faker.number.float() < INACTIVE_SHARE;
    const createdAt = faker.date.past({ years: 2, refDate: base });
    const origin: ContactOrigin = faker.helpers.weightedArrayElement([
      { weight: 5, value: "CREWS" },
      { weight: 3, value: "TIMESHEETS" },
      { weight: 2, value: "DIRECTORY" },
      { weight: 1, value: "TM_TICKETS" },
      { weight: 1, value: kind === "visitor" ? "INCIDENTS" : "INSPECTIONS" },
    ]);
    const id = faker.string.uuid();
    contacts.push({
      id,
      companyId,
      firstName,
      lastName,
      email: kind === "visitor" && i % 3 === 0 ? null : faker.internet.email({ firstName, lastName }).toLowerCase(),
      phone: faker.phone.number({ style: "national" }),
      jobTitle,
      employeeId: isEmployee || kind === "craft" ? `E-${String(10000 + i)}` : null,
      classification,
      isEmployee,
      vendorId: vendor?.id ?? null,
      origin,
      originProjectId: origin === "DIRECTORY" ? null : onProjects[0]!.id,
      status: inactive ? ("INACTIVE" as const) : ("ACTIVE" as const),
      inactivatedAt: inactive ? faker.date.between({ from: createdAt, to: base }) : null,
      createdAt,
      updatedAt: createdAt,
    });
    onProjects.forEach((project, n) => {
      // The last of several projects is sometimes one the contact was removed from:
      // reactivation must not bring them back there.
      const removed = n > 0 && n === onProjects.length - 1 && faker.number.float() < REMOVED_SHARE * 3;
      memberships.push({
        companyId,
        projectId: project.id,
        contactId: id,
        status: removed ? "REMOVED" : inactive ? "INACTIVE" : "ACTIVE",
        removedAt: removed ? faker.date.between({ from: createdAt, to: base }) : null,
      });
    });
  }
  return { projects, vendors, contacts, memberships };
}
