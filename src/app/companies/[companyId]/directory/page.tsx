import { redirect } from "next/navigation";

export default async function DirectoryIndex({ params }: { params: Promise<{ companyId: string }> }) {
  redirect(`/companies/${(await params).companyId}/directory/contacts`);
}
