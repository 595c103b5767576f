import { endpoints } from "@/server/api/endpoints";
import { apiRoute } from "@/server/api/route";
import { toContactDetailJson } from "@/server/api/serialize";
import { findDuplicateGroups } from "@/server/contacts/find-duplicate-groups";

export const GET = apiRoute(endpoints.listDuplicates, async ({ db, params, query }) => {
  const { groups, total } = await findDuplicateGroups(db, { companyId: params.companyId, ...query });
  return {
    data: groups.map((g) => ({
      id: g.id,
      reasons: g.reasons,
      contacts: g.contacts.map(({ memberships, ...c }) =>
        toContactDetailJson({ ...c, projects: memberships.map((m) => ({ ...m.project, status: m.status })) }),
      ),
    })),
    page: query.page,
    perPage: query.perPage,
    total,
  };
});
