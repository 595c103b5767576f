import type { Metadata } from "next";
import { ImportPage } from "@/features/import/components/import-page";

export const metadata: Metadata = { title: "Import contacts" };

type Props = {
  params: Promise<{ companyId: string; projectId: string; draftId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProjectImportStepPage({ params, searchParams }: Props) {
  const { companyId, projectId, draftId } = await params;
  return <ImportPage companyId={companyId} projectId={projectId} draftId={draftId} searchParams={await searchParams} />;
}
