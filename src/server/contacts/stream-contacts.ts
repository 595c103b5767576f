import "server-only";
import type { ContactOrigin, ContactStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db/transaction";
import { contactsOrderBy, contactsWhere, type ListContactsOptions } from "./list-contacts";

export type StreamContactsOptions = Omit<ListContactsOptions, "page" | "perPage">;

/** One exported contact: its fields, its company's name and its project directories' names. */
export type ExportedContact = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  vendorName: string | null;
  employeeId: string | null;
  classification: string | null;
  isEmployee: boolean;
  origin: ContactOrigin;
  status: ContactStatus;
  /** The tab's project directories, by name, joined with "; ". */
  projects: string | null;
  createdAt: Date;
  inactivatedAt: Date | null;
};

const BATCH = 5000;

/**
 * Every contact a directory tab shows with its search and filters, in the tab's order.
 * The tab's own query (its search, filters and order) lists the ids once — 36 bytes a
 * contact — and the rows are read 5,000 at a time, one statement a batch; company and
 * project names come from one read of each at the start (a company has thousands of
 * them at most), not from a join per row. The next batch is read while the current one
 * is written out, so the database and the CSV writer work at once; memory holds two
 * batches at most.
 */
export async function* streamContacts(db: Db, options: StreamContactsOptions): AsyncGenerator<ExportedContact> {
  const { companyId, status } = options;
  const [ids, vendors, projects] = await Promise.all([
    db.contact
      .findMany({
        where: await contactsWhere(db, options),
        orderBy: contactsOrderBy(options.sort, options.group),
        select: { id: true },
      })
      .then((rows) => rows.map((c) => c.id)),
    db.vendor.findMany({ where: { companyId }, select: { id: true, name: true } }),
    db.project.findMany({ where: { companyId }, select: { id: true, name: true } }),
  ]);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const read = (from: number) =>
    from < ids.length ? readBatch(db, companyId, status, ids.slice(from, from + BATCH)) : null;
  let next = read(0);
  for (let from = 0; next; from += BATCH) {
    const rows = await next;
    next = read(from + BATCH);
    for (const { vendorId, projectIds, ...row } of rows) {
      yield {
        ...row,
        vendorName: vendorId ? (vendorName.get(vendorId) ?? null) : null,
        projects: projectIds
          ? projectIds
              .map((id) => projectName.get(id) ?? "")
              .sort(byName.compare)
              .join("; ")
          : null,
      };
    }
  }
}

const byName = new Intl.Collator("en");

type BatchRow = Omit<ExportedContact, "vendorName" | "projects"> & {
  vendorId: string | null;
  projectIds: string[] | null;
};

function readBatch(db: Db, companyId: string, status: StreamContactsOptions["status"], ids: string[]) {
  return db.$queryRaw<BatchRow[]>`
    SELECT c.id::text AS id, c."firstName", c."lastName", c.email, c.phone, c."jobTitle", c."vendorId"::text AS "vendorId",
           c."employeeId", c.classification, c."isEmployee", c.origin::text AS origin, c.status::text AS status,
           (SELECT array_agg(pc."projectId"::text) FROM "ProjectContact" pc
             WHERE pc."companyId" = c."companyId" AND pc."contactId" = c.id
               AND pc.status = ${status}::text::"MembershipStatus") AS "projectIds",
           c."createdAt", c."inactivatedAt"
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS page(id, n)
      JOIN "Contact" c ON c."companyId" = ${companyId}::uuid AND c.id = page.id
     ORDER BY page.n`;
}
