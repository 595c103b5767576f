import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth/current-user";
import { listUserCompanies } from "@/server/companies/list-user-companies";
import { getPrisma } from "@/server/db/client";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const [company] = await listUserCompanies(await getPrisma(), user.id);
  if (!company) {
    return (
      <main className="mx-auto max-w-xl p-10">
        <h1 className="text-2xl font-semibold">No company yet</h1>
        <p className="mt-2 text-slate-600">
          {user.email} is not a member of any company. Ask a company admin to add you.
        </p>
      </main>
    );
  }
  redirect(`/companies/${company.id}/directory/contacts`);
}
