import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { UsersView } from "@/features/users/components/users-view";
import { getPrisma } from "@/server/db/client";
import { can } from "@/server/permissions/can";
import { listCompanyUsers } from "@/server/users/list-company-users";
import { DirectoryTabs } from "@/features/contacts/components/directory-tabs";
import { countContacts } from "@/server/contacts/count-contacts";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ params }: { params: Promise<{ companyId: string }> }) {
  const company = await loadCompany((await params).companyId);
  // A tab of the company directory: members with no access to it (None) do not see who else is in it.
  if (!can(company.actor, "view contacts")) forbidden();
  const prisma = await getPrisma();
  const [users, projects, counts] = await Promise.all([
    listCompanyUsers(prisma, company.id),
    prisma.project.findMany({
      where: { companyId: company.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    countContacts(prisma, { companyId: company.id }),
  ]);
  return (
    <>
      <DirectoryTabs
        basePath={`/companies/${company.id}/directory`}
        current="users"
        counts={counts}
        showInactive={can(company.actor, "view inactive contacts")}
        usersCount={users.length}
      />
      <div id="directory-panel" className="mt-4">
        <UsersView
          companyId={company.id}
          users={users}
          projects={projects}
          canManage={can(company.actor, "manage users")}
        />
      </div>
    </>
  );
}
