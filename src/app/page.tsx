import { redirect } from "next/navigation";
import { getPrisma } from "@/server/db/client";
import { getDefaultCompany } from "@/server/companies/get-default-company";

export const dynamic = "force-dynamic";

export default async function Home() {
  const company = await getDefaultCompany(await getPrisma());
  if (!company) {
    return (
      <main className="mx-auto max-w-xl p-10">
        <h1 className="text-2xl font-semibold">No company yet</h1>
        <p className="mt-2 text-slate-600">
          This database has no company. Run <code>npm run db:seed</code> to load the demo company.
        </p>
      </main>
    );
  }
  redirect(`/companies/${company.id}/directory/contacts`);
}
