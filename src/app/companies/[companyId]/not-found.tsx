import type { Metadata } from "next";
import { NotFoundMessage } from "@/features/companies/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/** An unknown tab, contact or project of a company the user is in: HTTP 404, inside the header. */
export default function CompanyNotFound() {
  return <NotFoundMessage />;
}
