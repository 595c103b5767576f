import type { Metadata } from "next";
import { ImportPage } from "@/features/import/components/import-page";

export const metadata: Metadata = { title: "Import contacts" };

type Props = {
  params: Promise<{ companyId: string; draftId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CompanyImportStepPage({ params, searchParams }: Props) {
  const { companyId, draftId } = await params;
  return <ImportPage companyId={companyId} draftId={draftId} searchParams={await searchParams} />;
}
