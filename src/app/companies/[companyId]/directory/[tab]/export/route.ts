import { exportDirectoryTab } from "@/features/contacts/export-route";

export const GET = exportDirectoryTab;
