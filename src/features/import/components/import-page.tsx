import { forbidden } from "next/navigation";
import { loadCompany, loadProject } from "@/features/companies/queries";
import { getPrisma } from "@/server/db/client";
import { getImportResult } from "@/server/import/get-import-result";
import { can } from "@/server/permissions/can";
import { loadImportWizard } from "../queries";
import { stepParamsSchema } from "../validations";
import { ImportWizard } from "./import-wizard";

type Props = {
  companyId: string;
  projectId?: string;
  /** None: the Upload step. */
  draftId?: string;
  searchParams: Record<string, string | string[] | undefined>;
};

/** The import wizard's page, for the company directory or one project's. */
export async function ImportPage({ companyId, projectId, draftId, searchParams }: Props) {
  const company = await loadCompany(companyId);
  const project = projectId ? await loadProject(companyId, projectId) : null;
  const directoryPath = project
    ? `/companies/${company.id}/projects/${project.id}/directory`
    : `/companies/${company.id}/directory`;
  if (!can(company.actor, "import contacts", { projectId: project?.id })) forbidden();
  const params = stepParamsSchema.parse({
    step: one(searchParams.step),
    show: one(searchParams.show),
    page: one(searchParams.page),
    batch: one(searchParams.batch),
  });
  const data = draftId ? await loadImportWizard(company.actor, draftId.toLowerCase(), project?.id, params) : null;
  const result =
    params.step === "done" && params.batch
      ? await getImportResult(await getPrisma(), { companyId: company.id, batchId: params.batch })
      : null;
  return (
    <>
      <h2 className="mb-4 text-xl font-semibold">Import contacts{project ? ` into ${project.name}` : ""}</h2>
      <ImportWizard
        companyId={company.id}
        projectId={project?.id}
        directoryPath={directoryPath}
        params={params}
        data={data}
        result={result}
      />
    </>
  );
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
