import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "libpg-query";

// Whether a SQL statement could be routed to one shard if every tenant table were
// distributed by "companyId" (Citus), read from PostgreSQL's own parse tree (libpg-query).
//
// What it accepts, per query level (a SELECT, UPDATE, DELETE or INSERT, each subquery and
// CTE its own level):
// - every tenant table in the level is *pinned*: its "companyId" is equal to a parameter or
//   a constant (`t."companyId" = $1`, `= $1::uuid`, `= 'ab…'`), or to the "companyId" of a
//   table that is pinned — in the same level (a join `ON a."companyId" = b."companyId"`) or
//   in an enclosing one (a correlated subquery); row comparisons count position by
//   position, and `"companyId" IN ($1, $2)` counts too (Prisma's relation loads list the
//   keys of rows it read for one company; Citus prunes such a list to one shard), and so
//   does an OR each of whose branches has the equality (Prisma's batched findUnique calls);
// - the Company table itself is distributed by its id: pinned by `"Company".id = $1`, or
//   equal to a pinned table's "companyId";
// - an INSERT names "companyId" among its columns (each row goes to its company's shard),
//   and the SELECT it inserts from, if any, is checked as a level.
// Anything else that touches a tenant table is a cross-company statement: it must be on the
// reviewed allow-list with the reason it is fine (tests/routing/statement-routing.test.ts).

type Node = Record<string, unknown>;

/** Tables distributed by company: every model with a companyId column, except the reference tables. */
export const REFERENCE_TABLES = new Set(["User", "Session", "Account", "Verification", "RateLimit", "ApiToken"]);

export function tenantTables(schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8")) {
  const tables = new Set<string>();
  for (const match of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    if (/^\s+companyId\s/m.test(body!) && !REFERENCE_TABLES.has(name!)) tables.add(name!);
  }
  return tables;
}

type Table = { name: string; alias: string };

export type RoutingProblem = { statement: string; problem: string };

/** What keeps a statement from being routed to one company's shard; empty when it can be. */
export async function routingProblems(statement: string, tenants: Set<string>): Promise<string[]> {
  let tree: { stmts?: { stmt: Node }[] };
  try {
    tree = (await parse(statement)) as typeof tree;
  } catch (error) {
    return [`does not parse: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const { stmt } of tree.stmts ?? []) checkNode(stmt, new Set(), tenants, problems);
  return problems;
}

const LEVELS = ["SelectStmt", "UpdateStmt", "DeleteStmt", "InsertStmt"] as const;

/** Walks a node; each query level found is checked with the pinned aliases of the levels around it. */
function checkNode(node: unknown, outer: Set<string>, tenants: Set<string>, problems: string[]): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) checkNode(item, outer, tenants, problems);
    return;
  }
  for (const [key, value] of Object.entries(node as Node)) {
    if ((LEVELS as readonly string[]).includes(key)) checkLevel(key, value as Node, outer, tenants, problems);
    else checkNode(value, outer, tenants, problems);
  }
}

function checkLevel(kind: string, level: Node, outer: Set<string>, tenants: Set<string>, problems: string[]) {
  // Set operations (UNION …) hold their levels in larg/rarg.
  if (kind === "SelectStmt" && level.op && level.op !== "SETOP_NONE") {
    checkNode([level.larg, level.rarg, level.withClause], outer, tenants, problems);
    return;
  }
  const tables: Table[] = [];
  const own: unknown[] = []; // the parts of this level whose conditions count for its tables
  const nested: unknown[] = []; // subqueries, CTEs: levels of their own
  const relation = level.relation as { RangeVar?: Node } | Node | undefined;
  const addRangeVar = (rv: Node) => {
    const name = rv.relname as string;
    const alias = ((rv.alias as Node | undefined)?.aliasname as string | undefined) ?? name;
    if (tenants.has(name) || name === "Company") tables.push({ name, alias });
  };
  if (relation) addRangeVar(((relation as { RangeVar?: Node }).RangeVar ?? relation) as Node);
  collectFrom(level.fromClause, addRangeVar, own, nested);
  collectFrom(level.usingClause, addRangeVar, own, nested);
  own.push(level.whereClause, level.havingClause);
  nested.push(level.withClause, level.targetList, level.valuesLists, level.selectStmt, level.returningList);

  if (kind === "InsertStmt") {
    const columns = ((level.cols as { ResTarget: Node }[] | undefined) ?? []).map((c) => c.ResTarget.name);
    const table = tables[0];
    if (table && table.name !== "Company" && !columns.includes("companyId")) {
      problems.push(`INSERT INTO "${table.name}" does not name "companyId"`);
    }
    checkNode(nested, outer, tenants, problems);
    return;
  }

  const equalities: [Ref | Value, Ref | Value][] = [];
  for (const part of own) collectEqualities(part, equalities, nested);
  // An alias of this level hides the same alias of an enclosing one.
  const pinned = new Set([...outer].filter((alias) => !tables.some((t) => t.alias === alias)));
  const keyOf = (t: Table) => (t.name === "Company" ? "id" : "companyId");
  const resolve = (ref: Ref): string | null => {
    if (ref.qualifier) return ref.qualifier;
    const candidates = tables.filter((t) => keyOf(t) === ref.column);
    return candidates.length === 1 ? candidates[0]!.alias : null;
  };
  const isKey = (ref: Ref, alias: string) => {
    const table = tables.find((t) => t.alias === alias);
    return table ? ref.column === keyOf(table) : ref.column === "companyId" || ref.column === "id";
  };
  let grew = true;
  while (grew) {
    grew = false;
    for (const [a, b] of equalities) {
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (x.kind !== "ref") continue;
        const alias = resolve(x);
        if (!alias || pinned.has(alias) || !isKey(x, alias)) continue;
        const otherPinned =
          y.kind === "value" ||
          (y.kind === "ref" &&
            (() => {
              const other = resolve(y);
              return other !== null && pinned.has(other) && isKey(y, other);
            })());
        if (otherPinned) {
          pinned.add(alias);
          grew = true;
        }
      }
    }
  }
  for (const table of tables) {
    if (!pinned.has(table.alias)) {
      problems.push(
        table.name === "Company"
          ? `"Company" is read without an equality on its id`
          : `"${table.name}" is read or written without an equality on its "companyId"`,
      );
    }
  }
  checkNode(nested, pinned, tenants, problems);
}

/** The tables of a FROM list (joins included); join conditions count for this level. */
function collectFrom(from: unknown, add: (rv: Node) => void, own: unknown[], nested: unknown[]) {
  if (!from) return;
  for (const item of from as Node[]) {
    if (item.RangeVar) add(item.RangeVar as Node);
    else if (item.JoinExpr) {
      const join = item.JoinExpr as Node;
      collectFrom([join.larg, join.rarg], add, own, nested);
      own.push(join.quals);
    } else nested.push(item); // RangeSubselect, RangeFunction: levels of their own
  }
}

type Ref = { kind: "ref"; qualifier: string | null; column: string };
const refKey = (ref: Ref) => `${ref.qualifier ?? ""}\u0000${ref.column}`;
const refFromKey = (key: string): Ref => {
  const [qualifier, column] = key.split("\u0000") as [string, string];
  return { kind: "ref", qualifier: qualifier || null, column };
};
type Value = { kind: "value" };

/** `x = y` conditions joined by AND at this level; an OR, a subquery or anything else is not used for pinning. */
function collectEqualities(node: unknown, out: [Ref | Value, Ref | Value][], nested: unknown[]): void {
  if (!node || typeof node !== "object") return;
  const n = node as Node;
  if (n.BoolExpr) {
    const bool = n.BoolExpr as Node;
    if (bool.boolop === "AND_EXPR") for (const arg of bool.args as unknown[]) collectEqualities(arg, out, nested);
    else if (bool.boolop === "OR_EXPR") {
      // (a."companyId" = $1 AND …) OR (a."companyId" = $3 AND …), as Prisma batches findUnique
      // calls: a column equal to a value in every branch is pinned by the OR.
      const branches = (bool.args as unknown[]).map((arg) => {
        const found: [Ref | Value, Ref | Value][] = [];
        collectEqualities(arg, found, nested);
        return new Set(
          found.flatMap(([a, b]) =>
            a.kind === "ref" && b.kind === "value"
              ? [refKey(a)]
              : b.kind === "ref" && a.kind === "value"
                ? [refKey(b)]
                : [],
          ),
        );
      });
      for (const key of branches[0] ?? []) {
        if (branches.every((branch) => branch.has(key))) out.push([refFromKey(key), { kind: "value" }]);
      }
    } else nested.push(bool.args);
    return;
  }
  if (n.A_Expr) {
    const expr = n.A_Expr as Node;
    const op = ((expr.name as { String: { sval: string } }[] | undefined) ?? [])[0]?.String.sval;
    if (expr.kind === "AEXPR_OP" && op === "=") {
      const lrow = (expr.lexpr as Node | undefined)?.RowExpr as Node | undefined;
      const rrow = (expr.rexpr as Node | undefined)?.RowExpr as Node | undefined;
      // (a."companyId", a.id) = (b."companyId", b."projectId"): one equality per position.
      const pairs: [unknown, unknown][] =
        lrow && rrow
          ? (lrow.args as unknown[]).map((arg, i) => [arg, (rrow.args as unknown[])[i]])
          : [[expr.lexpr, expr.rexpr]];
      for (const [l, r] of pairs) {
        const left = operand(l);
        const right = operand(r);
        if (left && right) out.push([left, right]);
      }
    }
    // x IN ($1, $2): Prisma's relation loads, whose values are keys of rows read for one company.
    if (expr.kind === "AEXPR_IN" && op === "=") {
      const left = operand(expr.lexpr);
      const items = ((expr.rexpr as Node | undefined)?.List as Node | undefined)?.items as unknown[] | undefined;
      if (left && items?.every((item) => operand(item)?.kind === "value")) out.push([left, { kind: "value" }]);
    }
    nested.push(expr.lexpr, expr.rexpr);
    return;
  }
  nested.push(node);
}

function operand(node: unknown): Ref | Value | null {
  const n = node as Node | undefined;
  if (!n) return null;
  if (n.TypeCast) return operand((n.TypeCast as Node).arg);
  if (n.ParamRef || n.A_Const) return { kind: "value" };
  if (n.ColumnRef) {
    const fields = ((n.ColumnRef as Node).fields as { String?: { sval: string } }[]).map((f) => f.String?.sval ?? "*");
    const column = fields[fields.length - 1]!;
    const qualifier = fields.length >= 2 ? fields[fields.length - 2]! : null;
    return { kind: "ref", qualifier, column };
  }
  return null;
}
