import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { loadCompany } from "@/features/companies/queries";
import { OutboxList } from "@/features/users/components/outbox-list";
import { getPrisma } from "@/server/db/client";
import { listOutbox } from "@/server/mail/list-outbox";
import { mailIsDelivered } from "@/server/mail/send-mail";
import { can } from "@/server/permissions/can";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ params }: { params: Promise<{ companyId: string }> }) {
  const company = await loadCompany((await params).companyId);
  // Invitation links are in here: company Directory admins only.
  if (!can(company.actor, "manage users")) forbidden();
  const messages = await listOutbox(await getPrisma(), { companyId: company.id });
  return (
    <section aria-labelledby="outbox-title" className="space-y-4">
      <div>
        <h1 id="outbox-title" className="text-xl font-semibold">
          Outbox
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {mailIsDelivered()
            ? "Rollcall sends email through the mail server now; these messages were kept before it was set up."
            : "No mail server is set up (SMTP_URL), so Rollcall keeps the company's email here instead of sending it. Pass each link on to its person yourself."}
        </p>
      </div>
      <OutboxList messages={messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))} />
    </section>
  );
}
