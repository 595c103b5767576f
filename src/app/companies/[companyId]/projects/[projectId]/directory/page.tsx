import { redirect } from "next/navigation";

export default async function ProjectDirectoryIndex({
  params,
}: {
  params: Promise<{ companyId: string; projectId: string }>;
}) {
  const { companyId, projectId } = await params;
  redirect(`/companies/${companyId}/projects/${projectId}/directory/contacts`);
}
