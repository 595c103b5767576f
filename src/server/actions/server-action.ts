import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { invalidInput, type ActionResult } from "@/lib/action-result";
import { authorize } from "@/server/auth/authorize";
import { getPrisma } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import type { Actor } from "@/server/permissions/actor";
import { can, REFUSAL, type Permission } from "@/server/permissions/can";

/** The permission an action takes (on a project, when it names one), or why it cannot be asked at all. */
export type ActionAccess = { permission: Permission; projectId?: string } | { refused: string };

/** What a page shows the change on: revalidated once the change has committed. */
export type Revalidation = { path: string; type?: "layout" | "page" };

export type ActionContext<Input> = {
  db: PrismaClient;
  /** The signed-in member of the input's company, already allowed the action's access. */
  actor: Actor;
  input: Input;
  /** The project the access was checked on, when the action's access named one. */
  projectId?: string;
};

export type ServerActionOptions<Schema extends z.ZodType<{ companyId: string }>, Data> = {
  input: Schema;
  /** What the caller needs, given the parsed input; asked once they are known to be a member of its company. */
  access: (input: z.output<Schema>, db: PrismaClient) => ActionAccess | Promise<ActionAccess>;
  run: (context: ActionContext<z.output<Schema>>) => Promise<Data>;
  /** The pages to revalidate after a change; none when it changed nothing. */
  revalidate?: (data: Data, input: z.output<Schema>) => Revalidation | null;
};

/**
 * A table or dialog action, the twin of the API's apiRoute (src/server/api/route.ts):
 * parses its input with zod (an action is a public endpoint), checks that the caller is
 * signed in, a member of the input's company and allowed the action, runs it, revalidates
 * what shows the change, and answers `{ data, error }`. An expected failure (DomainError)
 * is returned as its message; anything else reaches error.tsx.
 */
export function serverAction<Schema extends z.ZodType<{ companyId: string }>, Data>({
  input: schema,
  access,
  run,
  revalidate,
}: ServerActionOptions<Schema, Data>) {
  return async (raw: unknown): Promise<ActionResult<Data>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error);
    const input = parsed.data;
    // A member first, so nothing of the company (a batch, a crew) is looked up for anyone else.
    const member = await authorize(input.companyId, null);
    if (member.error !== null) return { data: null, error: member.error };
    const db = await getPrisma();
    try {
      const needed = await access(input, db);
      if ("refused" in needed) return { data: null, error: needed.refused };
      if (!can(member.actor, needed.permission, { projectId: needed.projectId })) {
        return { data: null, error: REFUSAL[needed.permission] };
      }
      const data = await run({ db, actor: member.actor, input, projectId: needed.projectId });
      const page = revalidate?.(data, input);
      if (page) revalidatePath(page.path, page.type);
      return { data, error: null };
    } catch (error) {
      if (error instanceof DomainError) return { data: null, error: error.message };
      throw error;
    }
  };
}

/** Every page of a company: its directories, projects and history show a change to its contacts. */
export function companyPages(companyId: string): Revalidation {
  return { path: `/companies/${companyId}`, type: "layout" };
}
