import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type { SqlSession } from "@/server/db/sql";

/**
 * The parts of a PostgreSQL schema that schema.prisma describes, in one normalized
 * form for both sides: what schema.prisma asks for and what a migrated database has.
 * Objects schema.prisma cannot express (CHECK constraints, triggers, functions) are
 * left out on purpose.
 */
export type SchemaShape = {
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
};

export type TableShape = {
  /** generated: a stored generated column, whose expression is then its `default`. */
  columns: Record<string, { type: string; nullable: boolean; default: string | null; generated: boolean }>;
  primaryKey: { name: string; columns: string[] } | null;
  /**
   * Every index but the primary key's, unique ones included. operatorClasses: per column,
   * the operator class where it is not the type's default for a btree index; every one
   * for other methods (GIN has no default for most types, so schema.prisma names them).
   */
  indexes: Record<string, { columns: string[]; unique: boolean; method: string; operatorClasses: (string | null)[] }>;
  foreignKeys: Record<
    string,
    { columns: string[]; referencedTable: string; referencedColumns: string[]; onDelete: string; onUpdate: string }
  >;
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  documentation?: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };
type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc"; operatorClass?: string }[];
};
export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

/**
 * Parses a schema with Prisma's own schema parser, offline: the same
 * @prisma/prisma-schema-wasm build the installed prisma CLI uses (pinned to its engines version).
 */
export function readDatamodel(schemaText: string): Datamodel {
  const dmmf = get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] }));
  return (JSON.parse(dmmf) as { datamodel: Datamodel }).datamodel;
}

// How Prisma's PostgreSQL connector renders each type, spelled as format_type() prints
// it. "(n)" is where @db arguments go. Types missing here fail loudly, not silently.
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, string> = {
  Text: "text",
  Uuid: "uuid",
  VarChar: "character varying(n)",
  Char: "character(n)",
  Integer: "integer",
  SmallInt: "smallint",
  BigInt: "bigint",
  Boolean: "boolean",
  Decimal: "numeric(n)",
  Timestamptz: "timestamp(n) with time zone",
  Timestamp: "timestamp(n) without time zone",
  Date: "date",
  JsonB: "jsonb",
};

const FK_ACTIONS: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

/** PostgreSQL's quote_ident, as format_type and pg_get_expr apply it (reserved words aside). */
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** Prisma's default constraint names: <table>_<columns>_<suffix>, cut to PostgreSQL's 63 bytes. */
function conventionalName(parts: string[], suffix: string): string {
  const base = parts.join("_");
  const room = 63 - suffix.length - 1;
  return `${base.length >= room ? base.slice(0, room) : base}_${suffix}`;
}

/** The shape schema.prisma asks for, as `prisma migrate diff` would build it on PostgreSQL. */
export function expectedShape(datamodel: Datamodel): SchemaShape {
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName)!;
    return field.dbName ?? field.name;
  };

  const columnType = (model: DmmfModel, field: DmmfField): string => {
    if (field.kind === "unsupported" || (field.isList && field.kind !== "scalar")) {
      throw new Error(`${model.name}.${field.name}: Unsupported and enum list fields are not compared yet`);
    }
    if (field.isList) return `${columnType(model, { ...field, isList: false })}[]`;
    if (field.kind === "enum") return quoteIdent(enums.get(field.type)!.dbName ?? field.type);
    const [native, args] = field.nativeType ?? [];
    const type = native ? NATIVE_TYPES[native] : SCALAR_TYPES[field.type];
    if (!type) throw new Error(`${model.name}.${field.name}: no PostgreSQL type known for ${native ?? field.type}`);
    return type.replace("(n)", args?.length ? `(${args.join(",")})` : "");
  };

  const columnDefault = (model: DmmfModel, field: DmmfField, type: string): string | null => {
    const value = field.default;
    if (value === undefined) return null;
    if (field.kind === "enum" && typeof value === "string") {
      const enumValue = enums.get(field.type)!.values.find((v) => v.name === value)!;
      return `'${enumValue.dbName ?? enumValue.name}'::${type}`;
    }
    if (typeof value === "boolean" || typeof value === "number") return String(value);
    if (typeof value === "string") return `'${value.replaceAll("'", "''")}'::${type}`;
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    // A serial column: its sequence is named <table>_<column>_seq.
    if (fn.name === "autoincrement")
      return `nextval('${quoteIdent(`${tableOf(model)}_${field.dbName ?? field.name}_seq`)}'::regclass)`;
    // Generated by Prisma Client, so the column has no database default.
    if (["uuid", "cuid", "ulid", "nanoid"].includes(fn.name)) return null;
    throw new Error(`${model.name}.${field.name}: default ${JSON.stringify(value)} is not compared yet`);
  };

  const tables: Record<string, TableShape> = {};
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const shape: TableShape = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const target = models.get(field.type)!;
        const columns = from.map((f) => columnOf(model, f));
        // Relation `map:` names are not in the DMMF; a mapped name would show up as a mismatch.
        shape.foreignKeys[conventionalName([table, ...columns], "fkey")] = {
          columns,
          referencedTable: tableOf(target),
          referencedColumns: field.relationToFields!.map((f) => columnOf(target, f)),
          onDelete: field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull"),
          onUpdate: field.relationOnUpdate ?? "Cascade",
        };
        continue;
      }
      const type = columnType(model, field);
      shape.columns[field.dbName ?? field.name] = {
        type,
        // Prisma creates list columns without NOT NULL.
        nullable: !field.isRequired || field.isList,
        default: columnDefault(model, field, type),
        // Prisma has no attribute for generated columns (`db pull` writes their expression
        // as @default(dbgenerated(…))); this schema says so in the field's doc comment.
        generated: /^GENERATED ALWAYS AS\b/.test(field.documentation ?? ""),
      };
    }
    tables[table] = shape;
  }

  for (const index of datamodel.indexes) {
    const model = models.get(index.model)!;
    const table = tableOf(model);
    const names = index.fields.map((f) => columnOf(model, f.name));
    const columns = index.fields.map((f, i) => (f.sortOrder === "desc" ? `${names[i]} DESC` : names[i]!));
    if (index.type === "id") {
      tables[table]!.primaryKey = { name: index.dbName ?? conventionalName([table], "pkey"), columns: names };
    } else if (index.type === "fulltext") {
      throw new Error(`${index.model}: fulltext indexes do not exist on PostgreSQL`);
    } else {
      const unique = index.type === "unique";
      const method = (index.algorithm ?? "BTree").toLowerCase();
      const operatorClasses = index.fields.map((f) => {
        if (!f.operatorClass && method !== "btree") {
          throw new Error(`${index.model}: a ${method} index without explicit operator classes is not compared yet`);
        }
        return f.operatorClass ?? null;
      });
      tables[table]!.indexes[index.dbName ?? conventionalName([table, ...names], unique ? "key" : "idx")] = {
        columns,
        unique,
        method,
        operatorClasses,
      };
    }
  }

  return {
    enums: Object.fromEntries(
      datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
    ),
    tables,
  };
}

/** The shape of the current schema of a database, read from pg_catalog. */
export async function actualShape(db: SqlSession): Promise<SchemaShape> {
  const enumRows = await db.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = current_schema()::regnamespace
    GROUP BY t.typname`);

  const userTables = `
    SELECT oid, relname FROM pg_class
    WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND relname <> '_prisma_migrations'`;

  const columnRows = await db.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
    generated: boolean;
  }>(`
    SELECT t.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default, a.attgenerated = 's' AS generated
    FROM (${userTables}) t
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum`);

  // Column lists are read position by position so their order is part of the comparison.
  const columnsOf = (rel: string, nums: string) => `
    ARRAY(SELECT a.attname::text FROM unnest(${nums}) WITH ORDINALITY k(num, i)
          JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.i)`;

  const constraintRows = await db.query<{
    table: string;
    name: string;
    type: "p" | "f";
    columns: string[];
    referencedTable: string | null;
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(`
    SELECT t.relname AS table, c.conname AS name, c.contype AS type,
           ${columnsOf("c.conrelid", "c.conkey")} AS columns,
           r.relname AS "referencedTable", ${columnsOf("c.confrelid", "c.confkey")} AS "referencedColumns",
           c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate"
    FROM (${userTables}) t
    JOIN pg_constraint c ON c.conrelid = t.oid AND c.contype IN ('p', 'f')
    LEFT JOIN pg_class r ON r.oid = c.confrelid`);

  const indexRows = await db.query<{
    table: string;
    name: string;
    columns: string[];
    unique: boolean;
    method: string;
    operatorClasses: (string | null)[];
  }>(`
    SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, am.amname AS method,
           ARRAY(SELECT CASE WHEN am.amname <> 'btree' OR NOT opc.opcdefault THEN opc.opcname::text END
                 FROM unnest(x.indclass::oid[]) WITH ORDINALITY k(opclass, i)
                 JOIN pg_opclass opc ON opc.oid = k.opclass
                 WHERE k.i <= x.indnkeyatts ORDER BY k.i) AS "operatorClasses",
           ARRAY(SELECT coalesce(a.attname::text, pg_get_indexdef(x.indexrelid, k.i::int, true))
                        || CASE WHEN x.indoption[k.i - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                 FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, i)
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num
                 WHERE k.i <= x.indnkeyatts ORDER BY k.i) AS columns
    FROM (${userTables}) t
    -- An index on an expression or with a predicate has no schema.prisma attribute; its own test checks it.
    JOIN pg_index x ON x.indrelid = t.oid AND NOT x.indisprimary AND x.indexprs IS NULL AND x.indpred IS NULL
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_am am ON am.oid = i.relam`);

  const tables: Record<string, TableShape> = {};
  const table = (name: string) => (tables[name] ??= { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} });
  for (const c of columnRows) {
    // Prisma writes now() as CURRENT_TIMESTAMP; both mean the same default.
    const columnDefault = c.default === "now()" ? "CURRENT_TIMESTAMP" : c.default;
    table(c.table).columns[c.column] = {
      type: c.type,
      nullable: c.nullable,
      default: columnDefault,
      generated: c.generated,
    };
  }
  for (const c of constraintRows) {
    if (c.type === "p") {
      table(c.table).primaryKey = { name: c.name, columns: c.columns };
    } else {
      table(c.table).foreignKeys[c.name] = {
        columns: c.columns,
        referencedTable: c.referencedTable!,
        referencedColumns: c.referencedColumns,
        onDelete: FK_ACTIONS[c.onDelete] ?? c.onDelete,
        onUpdate: FK_ACTIONS[c.onUpdate] ?? c.onUpdate,
      };
    }
  }
  for (const i of indexRows) {
    table(i.table).indexes[i.name] = {
      columns: i.columns,
      unique: i.unique,
      method: i.method,
      operatorClasses: i.operatorClasses,
    };
  }

  return { enums: Object.fromEntries(enumRows.map((e) => [e.name, e.values])), tables };
}
