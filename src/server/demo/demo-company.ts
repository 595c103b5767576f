import type { PermissionLevel } from "@/generated/prisma/enums";

/** The demo companies' fixed ids, so their URLs stay the same across fresh installs. */
export const DEMO_COMPANY_ID = "5d1e7c4a-6b0f-4c1e-9a57-2f3b8e9d0a11";
export const OTHER_DEMO_COMPANY_ID = "8b2f4d61-3c9e-4a7b-b1d2-6e0f9a8c7d52";

/** The one password of every demo user. Demo data only: never in a production start. */
export const DEMO_PASSWORD = "rollcall-demo";

export const DEMO_USERS: {
  email: string;
  name: string;
  companyId: string;
  level: PermissionLevel;
  projectAdminOf?: string;
}[] = [
  { email: "admin@rollcall.test", name: "Alex Admin", companyId: DEMO_COMPANY_ID, level: "ADMIN" },
  { email: "standard@rollcall.test", name: "Sam Standard", companyId: DEMO_COMPANY_ID, level: "STANDARD" },
  { email: "readonly@rollcall.test", name: "Riley Readonly", companyId: DEMO_COMPANY_ID, level: "READ_ONLY" },
  {
    email: "pm@rollcall.test",
    name: "Pat Manager",
    companyId: DEMO_COMPANY_ID,
    level: "READ_ONLY",
    projectAdminOf: "Harbor View Medical Center",
  },
  { email: "admin@northwind.test", name: "Nora Northwind", companyId: OTHER_DEMO_COMPANY_ID, level: "ADMIN" },
];
