// `npm run bench -- --http`: the built app (`next start`, scripts/serve.mjs) against a floor
// server — node:http with pg, running exactly the statements the app sends for the same
// request (captured from PostgreSQL's own log, authentication lookups included) and writing
// the same JSON, or the rows as HTML through React's renderToString (scripts/bench-http-floor.tsx).
// autocannon (20 connections, 10 s) runs against each in turn, alternating, for the API's
// inactive contacts list, the Inactive Contacts page and a searched page; the median of the
// rounds is reported. PostgreSQL only (DATABASE_URL), on a database the bench may set
// log_statement on for its capture connection; `npm run build` first.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { open, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import path from "node:path";
import { createApiToken } from "@/server/auth/api-tokens";
import { DEMO_USERS } from "@/server/demo/demo-company";
import { openDatabase } from "@/server/db/open-database";

export type HttpBenchOptions = {
  databaseUrl: string;
  companyName: string;
  appPort: number;
  floorPort: number;
  connections: number;
  duration: number;
  rounds: number;
  /** PostgreSQL's server log, where log_statement writes the captured statements. */
  pgLog: string;
  /** A directory for the app's CPU profile (node --cpu-prof), when wanted. */
  cpuProfDir?: string;
  /** Only the cases whose names start with this (to profile one request alone). */
  only?: string;
  log: (line: string) => void;
};

export type HttpCase = {
  name: string;
  appRps: number;
  floorRps: number;
  appP50Ms: number;
  floorP50Ms: number;
  appP99Ms: number;
  floorP99Ms: number;
  ratio: number;
};

export type Target = {
  name: "http_api_inactive" | "http_page_inactive" | "http_page_search";
  path: string;
  headers: Record<string, string>;
  /** How the floor writes its answer: the API's JSON or the rows as HTML. */
  kind: "json" | "html";
};

/** A captured statement: its SQL and its parameters as PostgreSQL logged them (text or null). */
export type Statement = { sql: string; params: (string | null)[] };
export type Plan = { target: Target; statements: Statement[] };

// One secret for every app process of the run, so a session made on one is valid on the next.
const authSecret = process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("hex");

export const admin = { email: DEMO_USERS[0]!.email, password: "rollcall-demo" };

export async function benchHttp(options: HttpBenchOptions): Promise<{ cases: HttpCase[]; plans: Plan[] }> {
  const { log } = options;
  const appBase = new URL(`http://127.0.0.1:${options.appPort}`);
  const floorBase = new URL(`http://127.0.0.1:${options.floorPort}`);
  const token = await apiToken(options.databaseUrl, options.companyName);

  // 1. Capture: the app on a connection string that turns log_statement on for its own sessions only.
  const captureUrl = new URL(options.databaseUrl);
  captureUrl.searchParams.set("options", "-c log_statement=all");
  let app = await startApp(captureUrl.href, options.appPort);
  let plans: Plan[];
  let companyId: string;
  try {
    const cookie = await signIn(appBase);
    companyId = await companyIdByName(appBase, cookie, options.companyName);
    const { only = "" } = options;
    const targets = httpTargets(companyId, cookie, token).filter((t) => t.name.startsWith(only));
    plans = [];
    for (const target of targets) {
      for (let i = 0; i < 3; i++) await get(appBase, target); // warm: compile, caches, pool
      await quiet(options.pgLog);
      const from = (await stat(options.pgLog)).size;
      await get(appBase, target);
      await quiet(options.pgLog);
      const statements = parsePgLog(
        await readFrom(options.pgLog, from),
        new URL(options.databaseUrl).pathname.slice(1),
      );
      if (statements.length === 0) throw new Error(`No statements captured for ${target.name} in ${options.pgLog}`);
      plans.push({ target, statements });
      log(`${target.name}: ${statements.length} statements`);
    }
  } finally {
    await stopApp(app);
  }

  // 2. Measure: the app without the statement log, the floor from the plans, alternating.
  const planFile = path.join(os.tmpdir(), `rollcall-http-plan-${process.pid}.json`);
  await writeFile(planFile, JSON.stringify(plans));
  app = await startApp(options.databaseUrl, options.appPort, options.cpuProfDir);
  const floor = await startFloor(options.databaseUrl, options.floorPort, planFile);
  const samples = new Map<string, { app: autocannon.Result[]; floor: autocannon.Result[] }>();
  try {
    for (const plan of plans) {
      const [appBody, floorBody] = [await get(appBase, plan.target), await get(floorBase, plan.target)];
      log(`${plan.target.name}: app ${appBody.length} bytes, floor ${floorBody.length} bytes`);
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const { target } of plans) {
        const entry = samples.get(target.name) ?? { app: [], floor: [] };
        samples.set(target.name, entry);
        // Alternate which goes first, so neither always gets the quieter half of the machine.
        const order: ["app" | "floor", URL][] =
          round % 2 === 0
            ? [
                ["app", appBase],
                ["floor", floorBase],
              ]
            : [
                ["floor", floorBase],
                ["app", appBase],
              ];
        for (const [which, base] of order) {
          await settle(options.databaseUrl);
          const result = await load(base, target, options);
          if (result.non2xx > 0) throw new Error(`${which} ${target.name}: ${result.non2xx} non-2xx answers`);
          entry[which].push(result);
          log(
            `round ${round + 1} ${target.name} ${which}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.errors} errors/timeouts (load ${os.loadavg()[0]!.toFixed(1)})`,
          );
        }
      }
    }
  } finally {
    await stopApp(app);
    await stopApp(floor);
  }
  const cases = plans.map(({ target }) => {
    const { app: a, floor: f } = samples.get(target.name)!;
    const appRps = median(a.map((r) => r.requests.average));
    const floorRps = median(f.map((r) => r.requests.average));
    return {
      name: target.name,
      appRps,
      floorRps,
      appP50Ms: median(a.map((r) => r.latency.p50)),
      floorP50Ms: median(f.map((r) => r.latency.p50)),
      appP99Ms: median(a.map((r) => r.latency.p99)),
      floorP99Ms: median(f.map((r) => r.latency.p99)),
      ratio: Math.round((appRps / floorRps) * 100) / 100,
    };
  });
  return { cases, plans };
}

export function httpTargets(companyId: string, cookie: string, token: string): Target[] {
  return [
    {
      name: "http_api_inactive",
      path: `/api/v1/companies/${companyId}/contacts?status=inactive&perPage=50`,
      headers: { authorization: `Bearer ${token}` },
      kind: "json",
    },
    {
      name: "http_page_inactive",
      path: `/companies/${companyId}/directory/inactive-contacts`,
      headers: { cookie },
      kind: "html",
    },
    {
      name: "http_page_search",
      path: `/companies/${companyId}/directory/contacts?q=garcia`,
      headers: { cookie },
      kind: "html",
    },
  ];
}

async function load(base: URL, target: Target, options: HttpBenchOptions): Promise<autocannon.Result> {
  return autocannon({
    url: new URL(target.path, base).href,
    headers: target.headers,
    connections: options.connections,
    duration: options.duration,
    // A loaded machine can take longer than autocannon's 10 s for a page; count it, do not drop it.
    timeout: 30,
  });
}

async function get(base: URL, target: Target): Promise<string> {
  const response = await fetch(new URL(target.path, base), { headers: target.headers, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.name}: ${response.status} from ${base.origin}${target.path}`);
  return body;
}

/**
 * The statements of one database in a slice of PostgreSQL's log (log_statement = all, the
 * default Debian prefix `%m [%p] %q%u@%d `): `execute <name>: SQL` with its `DETAIL:
 * parameters: $1 = '…'` line, and simple-protocol `statement: SQL` lines.
 */
export function parsePgLog(text: string, database: string): Statement[] {
  const entries: { head: string; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line)) entries.push({ head: line, lines: [] });
    else if (entries.length > 0 && line.startsWith("\t")) entries.at(-1)!.lines.push(line.slice(1));
  }
  const statements: Statement[] = [];
  for (const entry of entries) {
    const match = /^\S+ \S+ \S+ \[\d+\] \S*@(\S+) (LOG|DETAIL):  (.*)$/.exec(entry.head);
    if (!match || match[1] !== database) continue;
    const body = [match[3]!, ...entry.lines].join("\n");
    if (match[2] === "LOG") {
      const sql = /^(?:execute [^:]+|statement): ([\s\S]*)$/.exec(body)?.[1];
      if (sql !== undefined) statements.push({ sql, params: [] });
    } else if (body.startsWith("parameters: ") && statements.length > 0) {
      statements.at(-1)!.params = parseParams(body.slice("parameters: ".length));
    }
  }
  return statements;
}

function parseParams(text: string): (string | null)[] {
  const params: (string | null)[] = [];
  const pattern = /\$(\d+) = (NULL|'((?:[^']|'')*)')(?:, |$)/gy;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    params[Number(m[1]) - 1] = m[2] === "NULL" ? null : m[3]!.replaceAll("''", "'");
  }
  return params;
}

/**
 * Waits until no statement of another session runs on the database: a page's statements
 * can outlive autocannon's connections (the server keeps working on abandoned requests),
 * and would otherwise be charged to whichever server is measured next.
 */
async function settle(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < 240; i++) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]!.n === 0) return;
      await sleep(250);
    }
  } finally {
    await client.end();
  }
}

/** Waits until the log has not grown for a second: the statements of the last request are all in. */
async function quiet(file: string): Promise<void> {
  let size = (await stat(file)).size;
  for (;;) {
    await sleep(1000);
    const now = (await stat(file)).size;
    if (now === size) return;
    size = now;
  }
}

async function readFrom(file: string, from: number): Promise<string> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(size - from);
    await handle.read(buffer, 0, buffer.length, from);
    return buffer.toString("utf8");
  } finally {
    await handle.close();
  }
}

export async function startApp(
  databaseUrl: string,
  port: number,
  cpuProfDir?: string,
  onLogLine?: (line: string) => void,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      // node writes its --cpu-prof profile only on a normal exit: SIGINT (stopApp) must exit, not kill.
      ...(cpuProfDir
        ? [
            "--cpu-prof",
            `--cpu-prof-dir=${cpuProfDir}`,
            "--import",
            `data:text/javascript,process.once("SIGINT",()=>process.exit(0))`,
          ]
        : []),
      "scripts/serve.mjs",
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: authSecret,
        BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        ROLLCALL_HOST: "127.0.0.1",
        ROLLCALL_DEMO_DATA: "off",
        LOG_LEVEL: onLogLine ? "info" : (process.env.LOG_LEVEL ?? "warn"),
      },
      stdio: ["ignore", onLogLine ? "pipe" : "ignore", "inherit"],
    },
  );
  if (onLogLine) {
    let rest = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop()!;
      for (const line of lines) onLogLine(line);
    });
  }
  await waitFor(`http://127.0.0.1:${port}/api/health`, child);
  return child;
}

async function startFloor(databaseUrl: string, port: number, planFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-http-floor.tsx", planFile], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`http://127.0.0.1:${port}/health`, child);
  return child;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within 120 s`);
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  // SIGINT lets node write its --cpu-prof profile on the way out.
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

export async function signIn(base: URL): Promise<string> {
  const response = await fetch(new URL("/api/auth/sign-in/email", base), {
    method: "POST",
    headers: { "content-type": "application/json", origin: base.origin },
    body: JSON.stringify(admin),
    redirect: "manual",
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function companyIdByName(base: URL, cookie: string, name: string): Promise<string> {
  const response = await fetch(new URL("/api/v1/companies", base), { headers: { cookie } });
  const { data } = (await response.json()) as { data: { id: string; name: string }[] };
  const company = data.find((c) => c.name === name);
  if (!company) throw new Error(`${admin.email} sees no company named "${name}": seed it with npm run db:seed first.`);
  return company.id;
}

export async function apiToken(databaseUrl: string, companyName: string): Promise<string> {
  const db = openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 1 });
  try {
    const [company] = await db.sql.query<{ id: string }>(
      `SELECT id FROM "Company" WHERE name = $1 ORDER BY "createdAt" LIMIT 1`,
      [companyName],
    );
    const user = await db.prisma.user.findUnique({ where: { email: admin.email }, select: { id: true } });
    if (!company || !user) throw new Error(`No "${companyName}" or no ${admin.email} in this database.`);
    const { token } = await createApiToken(db.prisma, {
      companyId: company.id,
      userId: user.id,
      name: `HTTP bench ${new Date().toISOString()}`,
    });
    return token;
  } finally {
    await db.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readPlans(file: string): Promise<Plan[]> {
  return JSON.parse(await readFile(file, "utf8")) as Plan[];
}
