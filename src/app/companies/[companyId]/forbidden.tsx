import type { Metadata } from "next";
import { Refusal } from "@/features/companies/refusal";

export const metadata: Metadata = { title: "No access" };

/** A page this member may not open (forbidden()): HTTP 403, inside the company's header and navigation. */
export default function Forbidden() {
  return <Refusal />;
}
