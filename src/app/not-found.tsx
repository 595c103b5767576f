import type { Metadata } from "next";
import { NotFoundMessage } from "@/features/companies/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="px-6">
      <NotFoundMessage />
    </main>
  );
}
