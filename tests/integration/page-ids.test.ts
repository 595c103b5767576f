import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import CrewsPage from "@/app/companies/[companyId]/projects/[projectId]/crews/page";
import { loadCompany, loadProject } from "@/features/companies/queries";
import type { Database } from "@/server/db/open-database";
import { closeApiTestDatabase, openApiTestDatabase } from "../helpers/api";
import { TEST_DATABASES } from "../helpers/database";
import { createCompany, createProject } from "../helpers/factories";
import { createUserWithPassword, signIn } from "../helpers/sessions";

// Pages read the session cookie through next/headers: this stands in for the request.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

const NOT_FOUND = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) };

describe.each(TEST_DATABASES)("ids in page URLs on %s", (kind) => {
  let db: Database;
  let companyId: string;
  let projectId: string;
  let kept: string;
  let granted: string;

  beforeAll(async () => {
    db = await openApiTestDatabase(kind);
    companyId = (await createCompany(db.prisma)).id;
    projectId = (await createProject(db.prisma, companyId)).id;
    const standardKeptOut = await createUserWithPassword(db.prisma, companyId, "STANDARD", { [projectId]: "NONE" });
    const noneLetIn = await createUserWithPassword(db.prisma, companyId, "NONE", { [projectId]: "STANDARD" });
    [kept, granted] = await Promise.all([signIn(db.prisma, standardKeptOut.email), signIn(db.prisma, noneLetIn.email)]);
  });
  afterAll(() => closeApiTestDatabase(db));

  const spellings = () => [projectId, projectId.toUpperCase()];

  test("a project at None stays hidden, however its id is spelled", async () => {
    request.headers = new Headers({ cookie: kept });
    for (const id of spellings()) {
      await expect(loadProject(companyId, id)).rejects.toMatchObject(NOT_FOUND);
      await expect(loadProject(companyId.toUpperCase(), id)).rejects.toMatchObject(NOT_FOUND);
      await expect(
        CrewsPage({ params: Promise.resolve({ companyId: companyId.toUpperCase(), projectId: id }) }),
      ).rejects.toMatchObject(NOT_FOUND);
    }
  });

  test("a level granted on the project applies however its id is spelled, and the page works with the lower-case ids", async () => {
    request.headers = new Headers({ cookie: granted });
    for (const id of spellings()) {
      const project = await loadProject(companyId.toUpperCase(), id);
      expect(project).toMatchObject({ id: projectId, companyId });
    }
    expect((await loadCompany(companyId.toUpperCase())).id).toBe(companyId);
  });
});
