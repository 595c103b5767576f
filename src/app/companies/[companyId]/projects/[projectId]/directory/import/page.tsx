import type { Metadata } from "next";
import { ImportPage } from "@/features/import/components/import-page";

export const metadata: Metadata = { title: "Import contacts" };

type Props = {
  params: Promise<{ companyId: string; projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProjectImportPage({ params, searchParams }: Props) {
  const { companyId, projectId } = await params;
  return <ImportPage companyId={companyId} projectId={projectId} searchParams={await searchParams} />;
}
