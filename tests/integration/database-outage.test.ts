import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import * as contactsRoute from "@/app/api/v1/companies/[companyId]/contacts/route";
import * as healthRoute from "@/app/api/health/route";
import * as readyRoute from "@/app/api/ready/route";
import { provideDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { openDatabase, type Database } from "@/server/db/open-database";
import { callApi, callApiResponse, expectError } from "../helpers/api";
import { createCompany, createUserWithToken } from "../helpers/factories";
import { startTcpProxy } from "../helpers/tcp-proxy";

const url = process.env.TEST_DATABASE_URL;
const title = "the API while PostgreSQL is unreachable";

/**
 * The app's PostgreSQL connection goes through a proxy the test cuts, as a network
 * outage or a database restart would; the machine's server keeps running for the others.
 */
describe.skipIf(!url)(url ? title : `${title} (skipped: TEST_DATABASE_URL is not set)`, () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let db: Database;
  let companyId: string;
  let token: string;

  beforeAll(async () => {
    const target = new URL(url!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(url!);
    proxied.host = `127.0.0.1:${proxy.port}`;
    db = openDatabase({ kind: "postgres", url: proxied.toString(), maxConnections: 4 });
    await migrate(db.sql);
    provideDatabase(db.prisma);
    companyId = (await createCompany(db.prisma)).id;
    token = (await createUserWithToken(db.prisma, companyId, "ADMIN")).token;
  });
  afterAll(async () => {
    provideDatabase(undefined);
    await proxy?.restore().catch(() => {});
    await db?.close();
    await proxy?.close();
  });

  const listContacts = () => callApi(contactsRoute.GET, { params: { companyId }, token });
  const withHeaders = async (response: Promise<Response>) => {
    const r = await response;
    return { status: r.status, body: (await r.json()) as unknown, retryAfter: r.headers.get("retry-after") };
  };
  const probe = async (route: { GET: () => Response | Promise<Response> }) => {
    const response = await route.GET();
    return {
      status: response.status,
      body: (await response.json()) as { status: string },
      retryAfter: response.headers.get("retry-after"),
    };
  };

  test("answers 503 with Retry-After and says the database is unavailable, then recovers by itself", async () => {
    expect((await listContacts()).status).toBe(200);

    await proxy.cut();
    // Dropped connections first, then refused ones: both are the database being unavailable.
    const listContactsResponse = () =>
      withHeaders(callApiResponse(contactsRoute.GET, { params: { companyId }, token }));
    const listCompaniesResponse = () => withHeaders(callApiResponse(companiesRoute.GET, { token }));
    for (const call of [listContactsResponse, listContactsResponse, listCompaniesResponse]) {
      const response = await call();
      const error = expectError(response, 503, "database_unavailable");
      expect(Number(response.retryAfter)).toBeGreaterThan(0);
      expect(error.message).toMatch(/database is unavailable/i);
    }

    // The body names the request (the X-Request-Id scripts/serve.mjs gives it), for the caller to quote.
    const quoted = await withHeaders(
      callApiResponse(contactsRoute.GET, { params: { companyId }, token, headers: { "x-request-id": "outage-0001" } }),
    );
    expect(expectError(quoted, 503, "database_unavailable").requestId).toBe("outage-0001");

    await proxy.restore();
    expect((await listContacts()).status).toBe(200);
  });

  test("the readiness probe says unavailable (503) while the database is cut, the liveness probe stays up", async () => {
    expect(await probe(readyRoute)).toMatchObject({ status: 200, body: { status: "ready" } });

    await proxy.cut();
    // The first ask finds its pooled connection dropped, the next is refused a new one.
    expect(await probe(readyRoute)).toMatchObject({ status: 503, body: { status: "unavailable" }, retryAfter: "5" });
    expect(await probe(readyRoute)).toMatchObject({ status: 503, body: { status: "unavailable" }, retryAfter: "5" });
    expect(await probe(healthRoute)).toMatchObject({ status: 200, body: { status: "ok" } });

    await proxy.restore();
    expect(await probe(readyRoute)).toMatchObject({ status: 200, body: { status: "ready" } });
  });
});
