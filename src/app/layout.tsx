import type { Metadata } from "next";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Toaster } from "@/lib/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rollcall", template: "%s · Rollcall" },
  description: "The company directory for construction firms.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <NuqsAdapter>{children}</NuqsAdapter>
        <Toaster position="bottom-right" richColors closeButton />
      </body>
    </html>
  );
}
