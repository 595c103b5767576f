import { ContactOrigin } from "@/generated/prisma/enums";

/** Where contacts come from, and how the app names each: no zod here, the table's filters import it. */
export const CONTACT_ORIGINS = Object.values(ContactOrigin);
export const ORIGIN_LABELS: Record<ContactOrigin, string> = {
  DIRECTORY: "Directory",
  CREWS: "Crews",
  TIMESHEETS: "Timesheets",
  TM_TICKETS: "T&M Tickets",
  INCIDENTS: "Incidents",
  INSPECTIONS: "Inspections",
  DAILY_LOG: "Daily Log",
  IMPORT: "Import",
  API: "API",
};
