import type { Metadata } from "next";
import { UsersTab } from "@/features/users/components/users-tab";

export const metadata: Metadata = { title: "Inactive Users" };

export default async function InactiveUsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ companyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <UsersTab companyId={(await params).companyId} tab="inactive-users" searchParams={await searchParams} />;
}
