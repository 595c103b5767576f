import { forbidden, redirect } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { DirectoryTabs } from "@/features/contacts/components/directory-tabs";
import { countContacts } from "@/server/contacts/count-contacts";
import { getPrisma } from "@/server/db/client";
import { mailIsDelivered } from "@/server/mail/send-mail";
import { can } from "@/server/permissions/can";
import { countCompanyUsers, listCompanyUsers } from "@/server/users/list-company-users";
import { usersQuerySchema } from "@/shared/users";
import { AddUserForm } from "./add-user-form";
import { UsersTable } from "./users-table";

type Props = {
  companyId: string;
  tab: "users" | "inactive-users";
  searchParams: Record<string, string | string[] | undefined>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A Users tab of the company directory: active and invited users, or (for admins) inactive ones. */
export async function UsersTab({ companyId, tab, searchParams }: Props) {
  const company = await loadCompany(companyId);
  // A tab of the company directory: members with no access to it (None) do not see who else is in it (403, as the Contacts tab).
  if (!can(company.actor, "view contacts")) forbidden();
  const canManage = can(company.actor, "manage users");
  if (tab === "inactive-users" && !canManage) forbidden();
  const query = usersQuerySchema.parse({
    q: first(searchParams.q),
    sort: first(searchParams.sort),
    page: first(searchParams.page),
    perPage: first(searchParams.perPage),
  });
  const prisma = await getPrisma();
  const [{ users, total }, counts, userCounts] = await Promise.all([
    listCompanyUsers(prisma, {
      companyId: company.id,
      statuses: tab === "users" ? ["ACTIVE", "INVITED"] : ["INACTIVE"],
      ...query,
    }),
    countContacts(prisma, { companyId: company.id }),
    countCompanyUsers(prisma, company.id),
  ]);
  // Only the projects these users have their own level on are named on the page (a
  // company has up to 1,500; the picker that adds one searches the server).
  const projects = await prisma.project.findMany({
    where: { companyId: company.id, id: { in: [...new Set(users.flatMap((u) => Object.keys(u.projectLevels)))] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const lastPage = Math.max(1, Math.ceil(total / query.perPage));
  if (query.page > lastPage) {
    const params = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(lastPage) });
    redirect(`/companies/${company.id}/directory/${tab}?${params}`);
  }
  return (
    <>
      <DirectoryTabs
        basePath={`/companies/${company.id}/directory`}
        current={tab}
        counts={counts}
        showInactive={can(company.actor, "view inactive contacts")}
        usersCount={userCounts.users}
        showInactiveUsers={canManage}
        inactiveUsersCount={userCounts.inactiveUsers}
      />
      <div role="tabpanel" id="directory-panel" aria-labelledby={`tab-${tab}`} className="mt-4 space-y-6">
        <UsersTable
          key={tab}
          companyId={company.id}
          tab={tab}
          users={users}
          total={total}
          projects={projects}
          canManage={canManage}
        />
        {canManage && tab === "users" && (
          <AddUserForm
            companyId={company.id}
            outboxHref={mailIsDelivered() ? null : `/companies/${company.id}/outbox`}
          />
        )}
      </div>
    </>
  );
}
