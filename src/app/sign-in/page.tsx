import { HardHat } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/auth/sign-in-form";
import { safeNextPath } from "@/features/auth/validations";
import { getSessionUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="mx-auto mt-24 w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <p className="flex items-center gap-2 font-semibold">
        <HardHat aria-hidden className="size-5 text-brand-600" />
        Rollcall
      </p>
      <h1 className="mt-4 text-xl font-semibold">Sign in</h1>
      <SignInForm next={next} />
    </main>
  );
}
