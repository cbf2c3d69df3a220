/**
 * Compares schema.prisma (through Prisma's own DMMF, computed offline by @prisma/internals) with the
 * catalog of a database built from the migrations: tables, columns, types, nullability, enums, unique
 * and plain indexes, foreign keys. Prisma Migrate's diff would do this, but its engine is a download
 * that fails here, so this is the offline stand-in; it reports every difference in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export const SCHEMA_PATH = join(__dirname, 'schema.prisma');

interface Expected {
  tables: Map<string, Map<string, { type: string; nullable: boolean }>>;
  enums: Map<string, string[]>;
  uniques: Set<string>;
  indexes: Set<string>;
  foreignKeys: Set<string>;
}

const SCALAR: Record<string, string> = {
  Int: 'integer',
  BigInt: 'bigint',
  String: 'text',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Bytes: 'bytea',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
};

function nativeType(type: string, native: [string, string[]] | null): string {
  if (!native) return SCALAR[type] ?? type;
  const [name, args] = native;
  const map: Record<string, string> = {
    Date: 'date',
    Decimal: 'numeric',
    VarChar: 'varchar',
    Timestamptz: 'timestamptz',
    Timestamp: 'timestamp',
    Text: 'text',
    Uuid: 'uuid',
  };
  return `${map[name] ?? name.toLowerCase()}${args.length ? `(${args.join(',')})` : ''}`;
}

async function expectedFromSchema(datamodel: string): Promise<Expected> {
  // @prisma/internals is heavy: load it only when the check runs.
  const { getDMMF } = await import('@prisma/internals');
  const dmmf = await getDMMF({ datamodel });
  const tables: Expected['tables'] = new Map();
  const columnOf = new Map<string, Map<string, string>>();
  const tableOf = new Map<string, string>();
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    tableOf.set(model.name, table);
    const cols = new Map<string, { type: string; nullable: boolean }>();
    const names = new Map<string, string>();
    for (const f of model.fields) {
      if (f.kind === 'object') continue;
      const column = f.dbName ?? f.name;
      names.set(f.name, column);
      const base = f.kind === 'enum' ? `enum:${f.type}` : nativeType(f.type, f.nativeType as any);
      // Prisma lists are nullable arrays in PostgreSQL.
      cols.set(column, { type: f.isList ? `${base}[]` : base, nullable: f.isList || !f.isRequired });
    }
    tables.set(table, cols);
    columnOf.set(model.name, names);
  }
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const uniques = new Set<string>();
  const indexes = new Set<string>();
  for (const idx of dmmf.datamodel.indexes) {
    const table = tableOf.get(idx.model)!;
    const cols = idx.fields.map((f) => columnOf.get(idx.model)!.get(f.name) ?? f.name).join(',');
    if (idx.type === 'unique') uniques.add(`${table}(${cols})`);
    if (idx.type === 'normal') indexes.add(`${table}(${cols})`);
  }
  const foreignKeys = new Set<string>();
  for (const model of dmmf.datamodel.models) {
    for (const f of model.fields) {
      if (f.kind !== 'object' || !f.relationFromFields?.length) continue;
      const from = f.relationFromFields.map((c) => columnOf.get(model.name)!.get(c)).join(',');
      const to = (f.relationToFields ?? []).map((c) => columnOf.get(f.type)!.get(c)).join(',');
      foreignKeys.add(`${tableOf.get(model.name)}(${from}) -> ${tableOf.get(f.type)}(${to})`);
    }
  }
  return { tables, enums, uniques, indexes, foreignKeys };
}

async function actualFromDatabase(url: string): Promise<Expected> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query(`
      SELECT c.table_name, c.column_name, c.is_nullable, c.data_type, c.udt_name, c.datetime_precision, c.numeric_precision, c.numeric_scale,
             c.character_maximum_length
      FROM information_schema.columns c JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`);
    const tables: Expected['tables'] = new Map();
    for (const r of cols.rows) {
      let type: string;
      if (r.data_type === 'USER-DEFINED') type = `enum:${r.udt_name}`;
      else if (r.data_type === 'ARRAY')
        type =
          r.udt_name.startsWith('_') && !['_int4', '_text'].includes(r.udt_name)
            ? `enum:${r.udt_name.slice(1)}[]`
            : `${r.udt_name}[]`;
      else if (r.data_type === 'timestamp without time zone') type = `timestamp(${r.datetime_precision})`;
      else if (r.data_type === 'numeric') type = `numeric(${r.numeric_precision ?? 65},${r.numeric_scale ?? 30})`;
      else if (r.data_type === 'character varying') type = `varchar(${r.character_maximum_length})`;
      else type = r.data_type;
      if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
      tables.get(r.table_name)!.set(r.column_name, { type, nullable: r.is_nullable === 'YES' });
    }
    const enumRows = await client.query(`
      SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
    const enums = new Map<string, string[]>();
    for (const r of enumRows.rows) enums.set(r.typname, [...(enums.get(r.typname) ?? []), r.enumlabel]);
    const idxRows = await client.query(`
      SELECT t.relname AS table_name, ix.indisunique, ix.indisprimary,
             array_to_string(array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS cols
      FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    const uniques = new Set<string>();
    const indexes = new Set<string>();
    for (const r of idxRows.rows) {
      if (r.indisprimary) continue;
      (r.indisunique ? uniques : indexes).add(`${r.table_name}(${r.cols})`);
    }
    const fkRows = await client.query(`
      SELECT cl.relname AS from_table, rt.relname AS to_table,
        array_to_string(array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ',') AS from_cols,
        array_to_string(array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o), ',') AS to_cols
      FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const foreignKeys = new Set<string>(
      fkRows.rows.map((r) => `${r.from_table}(${r.from_cols}) -> ${r.to_table}(${r.to_cols})`),
    );
    return { tables, enums, uniques, indexes, foreignKeys };
  } finally {
    await client.end();
  }
}

function diffSets(what: string, expected: Set<string>, actual: Set<string>, out: string[]) {
  for (const e of expected) if (!actual.has(e)) out.push(`${what} ${e}: in schema.prisma, missing from the migrations`);
  for (const a of actual) if (!expected.has(a)) out.push(`${what} ${a}: in the migrations, missing from schema.prisma`);
}

/** Lists every difference between a datamodel and a migrated database (empty = in agreement). */
export async function schemaDrift(
  databaseUrl: string,
  datamodel = readFileSync(SCHEMA_PATH, 'utf8'),
): Promise<string[]> {
  const [expected, actual] = await Promise.all([expectedFromSchema(datamodel), actualFromDatabase(databaseUrl)]);
  const out: string[] = [];
  for (const [table, cols] of expected.tables) {
    const dbCols = actual.tables.get(table);
    if (!dbCols) {
      out.push(`table ${table}: in schema.prisma, missing from the migrations`);
      continue;
    }
    for (const [col, spec] of cols) {
      const db = dbCols.get(col);
      if (!db) out.push(`column ${table}.${col}: in schema.prisma, missing from the migrations`);
      else {
        if (db.type !== spec.type)
          out.push(`column ${table}.${col}: type ${spec.type} in schema.prisma, ${db.type} in the migrations`);
        if (db.nullable !== spec.nullable)
          out.push(
            `column ${table}.${col}: ${spec.nullable ? 'optional' : 'required'} in schema.prisma, ${db.nullable ? 'nullable' : 'NOT NULL'} in the migrations`,
          );
      }
    }
    for (const col of dbCols.keys())
      if (!cols.has(col)) out.push(`column ${table}.${col}: in the migrations, missing from schema.prisma`);
  }
  for (const table of actual.tables.keys())
    if (!expected.tables.has(table)) out.push(`table ${table}: in the migrations, missing from schema.prisma`);
  for (const [name, values] of expected.enums) {
    const db = actual.enums.get(name);
    if (!db) out.push(`enum ${name}: in schema.prisma, missing from the migrations`);
    else if (db.join(',') !== values.join(','))
      out.push(`enum ${name}: values [${values}] in schema.prisma, [${db}] in the migrations`);
  }
  for (const name of actual.enums.keys())
    if (!expected.enums.has(name)) out.push(`enum ${name}: in the migrations, missing from schema.prisma`);
  diffSets('unique', expected.uniques, actual.uniques, out);
  diffSets('index', expected.indexes, actual.indexes, out);
  diffSets('foreign key', expected.foreignKeys, actual.foreignKeys, out);
  return out;
}
