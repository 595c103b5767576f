"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/lib/toast";
import { createProjectAction } from "../actions";

/** New Project, for company Directory admins: the button and its dialog. */
export function NewProjectButton({ companyId }: { companyId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" className="inline-flex items-center gap-1.5" onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        New Project
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        className="w-[min(28rem,calc(100vw-2rem))]"
        title="New Project"
        description="The name is required; a number, when given, must be the company's only project with it."
      >
        {/* Remount per opening, so a reopened form starts clean. */}
        {open && <NewProjectForm companyId={companyId} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

type Errors = { name?: string; number?: string; form?: string };

function NewProjectForm({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const number = String(form.get("number") ?? "").trim();
    if (!name.trim()) return setErrors({ name: "Enter a project name." });
    startTransition(async () => {
      const result = await createProjectAction({ companyId, name, number: number || null });
      if (result.error !== null) return setErrors({ form: result.error });
      if ("numberTaken" in result.data) return setErrors({ number: result.data.numberTaken });
      toast.success(`Project “${result.data.project.name}” created.`);
      onDone();
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4">
      <TextField label="Name" name="name" required maxLength={200} autoComplete="off" error={errors.name} />
      <TextField
        label="Number"
        name="number"
        maxLength={50}
        autoComplete="off"
        placeholder="2026-014"
        error={errors.number}
      />
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <DialogCancel />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating…" : "Create Project"}
        </Button>
      </div>
    </form>
  );
}
