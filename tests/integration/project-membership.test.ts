import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "@/server/db/open-database";
import { inactivateContacts } from "@/server/contacts/inactivate-contacts";
import { reactivateContacts } from "@/server/contacts/reactivate-contacts";
import { addCrewMembers } from "@/server/crews/add-crew-members";
import { createCrew } from "@/server/crews/create-crew";
import { createCrewWorker } from "@/server/crews/create-crew-worker";
import { listCrews } from "@/server/crews/list-crews";
import { addContactsToProject } from "@/server/projects/add-contacts-to-project";
import { removeContactsFromProject } from "@/server/projects/remove-contacts-from-project";
import { TEST_DATABASES, openTestDatabase } from "../helpers/database";
import { createCompany, createContact, createProject, membershipStatuses } from "../helpers/factories";

describe.each(TEST_DATABASES)("project membership and crews on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db.close());

  async function setup() {
    const company = await createCompany(db.prisma);
    const project = await createProject(db.prisma, company.id);
    const other = await createProject(db.prisma, company.id);
    return { companyId: company.id, projectId: project.id, otherId: other.id };
  }

  test("adds active contacts, brings removed ones back, and refuses inactive and unknown ones", async () => {
    const { companyId, projectId } = await setup();
    const fresh = await createContact(db.prisma, companyId);
    const removed = await createContact(db.prisma, companyId, { projects: { [projectId]: "REMOVED" } });
    const member = await createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE" } });
    const inactive = await createContact(db.prisma, companyId, { status: "INACTIVE" });
    const unknown = randomUUID();

    const result = await addContactsToProject(db.prisma, {
      companyId,
      projectId,
      contactIds: [fresh.id, removed.id, member.id, inactive.id, unknown],
    });

    expect(result.added).toEqual([fresh.id]);
    expect(result.restored).toEqual([removed.id]);
    expect(result.skipped).toEqual([
      { id: member.id, reason: "already on project" },
      { id: inactive.id, reason: "inactive" },
      { id: unknown, reason: "not found" },
    ]);
    expect(await membershipStatuses(db.prisma, removed)).toEqual({ [projectId]: "ACTIVE" });
    expect(await membershipStatuses(db.prisma, inactive)).toEqual({});
    const back = await db.prisma.projectContact.findFirstOrThrow({
      where: { companyId: removed.companyId, contactId: removed.id },
    });
    expect(back.removedAt).toBeNull();
  });

  test("an inactive contact removed from a project is not brought back to it by reactivation", async () => {
    const { companyId, projectId, otherId } = await setup();
    const contact = await createContact(db.prisma, companyId, {
      projects: { [projectId]: "ACTIVE", [otherId]: "ACTIVE" },
    });
    await inactivateContacts(db.prisma, { companyId, contactIds: [contact.id] });

    const removal = await removeContactsFromProject(db.prisma, { companyId, projectId, contactIds: [contact.id] });
    expect(removal).toEqual({ batchId: expect.any(String), removed: [contact.id], skipped: [] });

    const reactivated = await reactivateContacts(db.prisma, { companyId, contactIds: [contact.id] });
    expect(reactivated.projectIds).toEqual([otherId]);
    expect(await membershipStatuses(db.prisma, contact)).toEqual({ [projectId]: "REMOVED", [otherId]: "ACTIVE" });
  });

  test("removing keeps the membership row for history and reports contacts not on the project", async () => {
    const { companyId, projectId } = await setup();
    const member = await createContact(db.prisma, companyId, { projects: { [projectId]: "ACTIVE" } });
    const stranger = await createContact(db.prisma, companyId);
    const result = await removeContactsFromProject(db.prisma, {
      companyId,
      projectId,
      contactIds: [member.id, stranger.id],
    });
    expect(result).toEqual({
      batchId: expect.any(String),
      removed: [member.id],
      skipped: [{ id: stranger.id, reason: "not on project" }],
    });
    const row = await db.prisma.projectContact.findFirstOrThrow({
      where: { companyId: member.companyId, contactId: member.id },
    });
    expect(row.status).toBe("REMOVED");
    expect(row.removedAt).toBeInstanceOf(Date);
  });

  test("another company's project is not found, and nothing changes", async () => {
    const { companyId } = await setup();
    const theirs = await setup();
    const contact = await createContact(db.prisma, companyId);
    await expect(
      addContactsToProject(db.prisma, { companyId, projectId: theirs.projectId, contactIds: [contact.id] }),
    ).rejects.toThrow("Project not found.");
    expect(await membershipStatuses(db.prisma, contact)).toEqual({});
  });

  test("a crew takes active workers onto the project; an inactive worker stays listed, marked inactive", async () => {
    const { companyId, projectId } = await setup();
    const crew = await createCrew(db.prisma, { companyId, projectId, name: "Concrete A" });
    const worker = await createContact(db.prisma, companyId);
    const inactive = await createContact(db.prisma, companyId, { status: "INACTIVE" });

    const result = await addCrewMembers(db.prisma, {
      companyId,
      crewId: crew.id,
      contactIds: [worker.id, inactive.id],
      addToProject: true,
    });
    expect(result).toEqual({ added: 1, skipped: [{ id: inactive.id, reason: "inactive" }] });
    expect(await membershipStatuses(db.prisma, worker)).toEqual({ [projectId]: "ACTIVE" });

    await inactivateContacts(db.prisma, { companyId, contactIds: [worker.id] });
    const [listed] = await listCrews(db.prisma, { companyId, projectId });
    expect(listed!.members.map((m) => [m.contact.id, m.contact.status])).toEqual([[worker.id, "INACTIVE"]]);
  });

  test("a worker created on the spot has origin Crews and joins the crew and the project directory", async () => {
    const { companyId, projectId } = await setup();
    const crew = await createCrew(db.prisma, { companyId, projectId, name: "Framing" });
    const contact = await createCrewWorker(db.prisma, {
      companyId,
      crewId: crew.id,
      input: { firstName: "Rosa", lastName: "Diaz", email: "rosa@example.com" },
    });
    expect(contact.origin).toBe("CREWS");
    expect(contact.originProjectId).toBe(projectId);
    expect(await membershipStatuses(db.prisma, contact)).toEqual({ [projectId]: "ACTIVE" });
    const [listed] = await listCrews(db.prisma, { companyId, projectId });
    expect(listed!.members.map((m) => m.contact.id)).toEqual([contact.id]);
  });

  test("removing a contact from a project takes them off its crews", async () => {
    const { companyId, projectId } = await setup();
    const crew = await createCrew(db.prisma, { companyId, projectId, name: "Drywall" });
    const worker = await createContact(db.prisma, companyId);
    await addCrewMembers(db.prisma, { companyId, crewId: crew.id, contactIds: [worker.id], addToProject: true });
    await removeContactsFromProject(db.prisma, { companyId, projectId, contactIds: [worker.id] });
    const [listed] = await listCrews(db.prisma, { companyId, projectId });
    expect(listed!.members).toEqual([]);
  });

  test("crew names are unique per project", async () => {
    const { companyId, projectId } = await setup();
    await createCrew(db.prisma, { companyId, projectId, name: "Steel" });
    await expect(createCrew(db.prisma, { companyId, projectId, name: "Steel" })).rejects.toThrow(
      'This project already has a crew named "Steel".',
    );
  });
});
