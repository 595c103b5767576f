"use client";

import { UserPlus, Users, X } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "@/lib/toast";
import type { CrewListItem } from "@/server/crews/list-crews";
import { ContactFormDialog } from "@/features/contacts/components/contact-form-dialog";
import { ContactPickerDialog } from "@/features/contacts/components/contact-picker-dialog";
import { addCrewMembersAction, createCrewAction, removeCrewMemberAction } from "../actions";
import { Button } from "@/components/ui/button";

type Props = {
  companyId: string;
  projectId: string;
  /** Standard access on the project: create crews and change who is on them. */
  canManage: boolean;
  /** Project Admins may put people on a crew who are not yet on the project's directory. */
  canAddToDirectory: boolean;
  crews: CrewListItem[];
};

export function CrewsView({ companyId, projectId, canManage, canAddToDirectory, crews }: Props) {
  return (
    <div className="space-y-6">
      {canManage && <NewCrewForm companyId={companyId} projectId={projectId} />}
      {crews.length === 0 ? (
        <p
          role="status"
          className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-600"
        >
          No crews on this project yet.{canManage && " Name one above to start."}
        </p>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {crews.map((crew) => (
            <li key={crew.id}>
              <CrewCard
                companyId={companyId}
                projectId={projectId}
                canManage={canManage}
                canAddToDirectory={canAddToDirectory}
                crew={crew}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewCrewForm({ companyId, projectId }: { companyId: string; projectId: string }) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await createCrewAction({ companyId, projectId, name });
          setError(result.error);
          if (result.data) {
            toast.success(`Created crew ${result.data.name}`);
            setName("");
          }
        });
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="crew-name" className="block text-sm font-medium text-slate-700">
          Crew name
        </label>
        <input
          id="crew-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "crew-name-error" : undefined}
          placeholder="Concrete crew A"
          className="mt-1 w-72 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        Create Crew
      </Button>
      {error && (
        <p id="crew-name-error" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

type CrewCardProps = Omit<Props, "crews"> & { crew: CrewListItem };

function CrewCard({ companyId, projectId, canManage, canAddToDirectory, crew }: CrewCardProps) {
  const [picking, setPicking] = useState(false);
  const [creating, setCreating] = useState(false);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby={`crew-${crew.id}`} className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`crew-${crew.id}`} className="flex items-center gap-2 font-semibold">
          <Users aria-hidden className="size-4 text-slate-500" />
          {crew.name}
          <span className="text-sm font-normal text-slate-500">({crew.members.length})</span>
        </h3>
        <div className="flex gap-2" hidden={!canManage}>
          <button
            type="button"
            onClick={() => setPicking(true)}
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            Add Workers<span className="sr-only"> to {crew.name}</span>
          </button>
          <button
            type="button"
            onClick={() => setCreating(true)}
            className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            <UserPlus aria-hidden className="size-4" />
            New Worker<span className="sr-only"> on {crew.name}</span>
          </button>
        </div>
      </div>
      {crew.members.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No workers yet.</p>
      ) : (
        <ul aria-label={`Workers on ${crew.name}`} className="mt-3 divide-y divide-slate-100">
          {crew.members.map(({ contact }) => {
            const name = `${contact.firstName} ${contact.lastName}`;
            const inactive = contact.status === "INACTIVE";
            return (
              <li key={contact.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <Link
                    href={`/companies/${companyId}/contacts/${contact.id}`}
                    className={`font-medium hover:underline ${inactive ? "text-slate-500" : ""}`}
                  >
                    {name}
                  </Link>
                  {inactive && (
                    <>
                      {" "}
                      <span className="ml-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">
                        Inactive
                      </span>
                    </>
                  )}{" "}
                  <span className="ml-1 text-slate-500">
                    {[contact.jobTitle, contact.vendor?.name].filter(Boolean).join(" · ")}
                  </span>
                </span>
                <button
                  type="button"
                  hidden={!canManage}
                  aria-label={`Remove ${name} from ${crew.name}`}
                  disabled={pending}
                  onClick={() =>
                    start(async () => {
                      const result = await removeCrewMemberAction({
                        companyId,
                        crewId: crew.id,
                        contactId: contact.id,
                      });
                      if (result.error) toast.error(result.error);
                      else toast.success(`Removed ${name} from ${crew.name}`);
                    })
                  }
                  className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
                >
                  <X aria-hidden className="size-4" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ContactPickerDialog
        companyId={companyId}
        projectId={projectId}
        title={`Add Workers to ${crew.name}`}
        description={
          canAddToDirectory
            ? "Only active contacts can join a crew. They also join this project's directory."
            : "Only active contacts on this project's directory can join a crew."
        }
        confirmLabel={(n) => (n === 0 ? "Add" : `Add ${n}`)}
        open={picking}
        onOpenChange={setPicking}
        onConfirm={async (contactIds) => {
          const result = await addCrewMembersAction({ companyId, crewId: crew.id, contactIds });
          if (result.error !== null) {
            toast.error(result.error);
            return false;
          }
          toast.success(`Added ${result.data.added} ${result.data.added === 1 ? "worker" : "workers"} to ${crew.name}`);
          return true;
        }}
      />
      <ContactFormDialog companyId={companyId} crewId={crew.id} open={creating} onOpenChange={setCreating} />
    </section>
  );
}
