import type { Metadata } from "next";
import { ImportPage } from "@/features/import/components/import-page";

export const metadata: Metadata = { title: "Import contacts" };

type Props = {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CompanyImportPage({ params, searchParams }: Props) {
  const { companyId } = await params;
  return <ImportPage companyId={companyId} searchParams={await searchParams} />;
}
