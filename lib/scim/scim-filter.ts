import { parse, type Filter } from 'scim2-parse-filter';
import { Prisma } from '../db/generated/client.ts';
import { scimBadRequest } from './scim-errors.ts';
import { COMMON_ATTRIBUTES, findAttribute, RESOURCE_SCHEMAS, type AttributeDef, type ResourceTypeName } from './scim-schemas.ts';

// SCIM filters (RFC 7644 §3.4.2.2), the whole grammar: eq ne co sw ew pr gt ge lt le, and/or/not,
// parentheses, value paths (emails[type eq "work" and value co "@acme.com"]), sub-attributes
// (name.familyName), schema-qualified names, case-insensitive names and operators. The text is
// parsed by scim2-parse-filter and translated here into a SQL condition on ScimUser/ScimGroup:
// modelled attributes are columns, the rest are read from the stored resource (jsonb, with
// canonical names, see scim-canonical.ts). Strings compare per the schema's caseExact. An
// attribute the schema does not define (or that we do not keep) is a 400 invalidFilter.

const invalid = (detail: string) => scimBadRequest('invalidFilter', detail);
const sql = Prisma.sql;

const MAX_FILTER_LENGTH = 2000;
const MAX_TERMS = 50;

type Kind = 'text' | 'boolean' | 'dateTime';

/** A value the filter compares: an SQL expression, inside `wrap` (EXISTS over a multi-valued attribute's items). */
interface Operand {
  path: string;
  def: AttributeDef;
  kind: Kind;
  expr: Prisma.Sql;
  /** True when the attribute has a (non-empty) value. */
  present: Prisma.Sql;
  wrap: (inner: Prisma.Sql) => Prisma.Sql;
  /** A NOT NULL column: a comparison with a value is never unknown, so it needs no COALESCE (which no index can see through). */
  notNull?: boolean;
}

const same = (inner: Prisma.Sql) => inner;

/** A JSON key of our own schema definitions (never client text), as an SQL literal. */
function key(name: string): Prisma.Sql {
  if (!/^[\w$:.-]+$/.test(name)) throw new Error(`Unexpected attribute name ${name}`);
  return Prisma.raw(`'${name}'`);
}

function kindOf(def: AttributeDef, path: string): Kind {
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'dateTime') return 'dateTime';
  if (def.type === 'string' || def.type === 'reference') return 'text';
  throw invalid(`"${path}" is a complex attribute: filter on one of its sub-attributes.`);
}

/** A simple JSON value of `parent` (jsonb) under `name`. */
function jsonOperand(parent: Prisma.Sql, def: AttributeDef, path: string): Operand {
  const json = sql`(${parent}->${key(def.name)})`;
  const kind = kindOf(def, path);
  const text = sql`(${parent}->>${key(def.name)})`;
  const expr = kind === 'boolean' ? sql`(CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN ${text}::boolean END)` : text;
  return { path, def, kind, expr, present: sql`(${json} IS NOT NULL AND ${json} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb))`, wrap: same };
}

/** The items of a multi-valued JSON attribute, for EXISTS (… FROM items AS item). */
const jsonItems = (parent: Prisma.Sql, def: AttributeDef) =>
  sql`jsonb_array_elements(CASE WHEN jsonb_typeof(${parent}->${key(def.name)}) = 'array' THEN ${parent}->${key(def.name)} ELSE '[]'::jsonb END)`;

const ITEM = Prisma.raw('item');

/** How the columns of one resource type answer a filter; the rest comes from "resource". */
interface Table {
  type: ResourceTypeName;
  /** Top-level attributes held in columns. */
  column(def: AttributeDef, path: string): Operand | undefined;
  /** A multi-valued attribute held in a column (a group's members). */
  items?(def: AttributeDef): { from: Prisma.Sql; sub(def: AttributeDef, path: string): Operand } | undefined;
}

/** The columns (of ScimUser and ScimGroup) that hold a value on every row. */
const NOT_NULL_COLUMNS = new Set(['id', 'userName', 'active', 'displayName', 'createdAt', 'updatedAt']);

function columnOperand(column: string, def: AttributeDef, path: string, kind: Kind = kindOf(def, path)): Operand {
  const expr = Prisma.raw(`"${column}"`);
  return {
    path,
    def,
    kind,
    expr,
    present: kind === 'text' ? sql`(${expr} IS NOT NULL AND ${expr} <> '')` : sql`(${expr} IS NOT NULL)`,
    wrap: same,
    notNull: NOT_NULL_COLUMNS.has(column),
  };
}

const META_COLUMNS: Record<string, string> = { created: 'createdAt', lastmodified: 'updatedAt' };

function commonColumn(def: AttributeDef, path: string): Operand | undefined {
  if (def.name === 'id' || def.name === 'externalId') return columnOperand(def.name, def, path);
  return undefined;
}

const TABLES: Record<ResourceTypeName, Table> = {
  User: {
    type: 'User',
    column(def, path) {
      if (def.name === 'userName' || def.name === 'active') return columnOperand(def.name, def, path);
      return commonColumn(def, path);
    },
  },
  Group: {
    type: 'Group',
    column(def, path) {
      if (def.name === 'displayName') return columnOperand('displayName', def, path);
      return commonColumn(def, path);
    },
    items(def) {
      if (def.name !== 'members') return undefined;
      return {
        from: sql`unnest("memberIds")`,
        sub(sub, path) {
          // Only the ids of members are kept: display, type and $ref are not.
          if (sub.name !== 'value') throw invalid(`Filtering by "${path}" is not supported; use members.value.`);
          return { path, def: sub, kind: 'text', expr: ITEM, present: sql`(${ITEM} IS NOT NULL)`, wrap: same };
        },
      };
    },
  },
};

interface Resolved {
  /** The schema it belongs to: null for core and common attributes. */
  extension: string | null;
  def: AttributeDef;
  sub: AttributeDef | null;
}

/** "urn:…:User:name.familyName", "NAME.familyname", "emails" → its definitions, canonical. */
function resolve(table: Table, path: string): Resolved {
  const { core, extensions } = RESOURCE_SCHEMAS[table.type];
  let rest = path;
  let extension: string | null = null;
  let attributes = [...COMMON_ATTRIBUTES, ...core.attributes];
  if (/^urn:/i.test(path)) {
    const schema = [core, ...extensions].find((candidate) => path.toLowerCase().startsWith(`${candidate.id.toLowerCase()}:`));
    if (!schema) throw invalid(`"${path}" is not an attribute of a ${table.type} schema.`);
    rest = path.slice(schema.id.length + 1);
    if (schema !== core) {
      extension = schema.id;
      attributes = schema.attributes;
    }
  }
  const [name, subName, ...more] = rest.split('.');
  const def = findAttribute(attributes, name);
  if (!def || more.length > 0) throw invalid(`Filtering by "${path}" is not supported: it is not an attribute of a ${table.type}.`);
  if (def.returned === 'never' || (def.mutability === 'readOnly' && def.name !== 'meta' && def.name !== 'id')) {
    throw invalid(`Filtering by "${path}" is not supported.`);
  }
  if (subName === undefined) return { extension, def, sub: null };
  const sub = findAttribute(def.subAttributes, subName);
  if (!sub) throw invalid(`Filtering by "${path}" is not supported: "${def.name}" has no sub-attribute "${subName}".`);
  return { extension, def, sub };
}

function operand(table: Table, path: string): Operand {
  const { extension, def, sub } = resolve(table, path);
  if (def.name === 'meta') {
    const column = sub && META_COLUMNS[sub.name.toLowerCase()];
    if (!sub || !column) throw invalid(`Filtering by "${path}" is not supported; use meta.created or meta.lastModified.`);
    return columnOperand(column, sub, path);
  }
  if (!extension && !sub) {
    const column = table.column(def, path);
    if (column) return column;
  }
  const root = extension ? sql`("resource"->${key(extension)})` : Prisma.raw('"resource"');
  if (def.multiValued) {
    // emails.value, or emails alone (its value): true when one of the items matches.
    const target = sub ?? findAttribute(def.subAttributes, 'value');
    if (!target) throw invalid(`Filter "${path}" by one of its sub-attributes.`);
    const columnItems = extension ? undefined : table.items?.(def);
    const from = columnItems ? columnItems.from : jsonItems(root, def);
    const inner = columnItems ? columnItems.sub(target, path) : jsonOperand(ITEM, target, path);
    return { ...inner, wrap: (condition) => sql`EXISTS (SELECT 1 FROM ${from} AS item WHERE ${condition})` };
  }
  if (sub) return jsonOperand(sql`(${root}->${key(def.name)})`, sub, path);
  return jsonOperand(root, def, path);
}

function likePattern(value: string, op: 'co' | 'sw' | 'ew'): string {
  const escaped = value.replace(/[\\%_]/g, (char) => `\\${char}`);
  return op === 'co' ? `%${escaped}%` : op === 'sw' ? `${escaped}%` : `%${escaped}`;
}

type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'lt' | 'ge' | 'le';
const ORDER_SQL = { gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function compare(target: Operand, op: CompareOp, value: unknown): Prisma.Sql {
  const { expr, def, kind, path } = target;
  if (value === null) {
    // "title eq null" is "title is not present" (RFC 7644 §3.4.2.2: null is a valid value).
    if (op === 'eq') return sql`NOT ${target.wrap(target.present)}`;
    if (op === 'ne') return target.wrap(target.present);
    throw invalid(`"${op}" cannot compare with null.`);
  }
  if (op === 'ne') return sql`NOT ${compare(target, 'eq', value)}`;
  let condition: Prisma.Sql;
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') throw invalid(`"${path}" is compared with true or false.`);
    if (op !== 'eq') throw invalid(`"${path}" is a boolean: use eq, ne or pr.`);
    condition = sql`${expr} = ${value}`;
  } else if (kind === 'dateTime') {
    const time = typeof value === 'string' ? new Date(value) : null;
    if (!time || Number.isNaN(time.getTime())) throw invalid(`"${path}" is compared with a date and time such as "2024-05-13T04:42:34Z".`);
    if (op === 'co' || op === 'sw' || op === 'ew') throw invalid(`"${path}" is a date and time: use eq, ne, gt, ge, lt, le or pr.`);
    const operator = op === 'eq' ? '=' : ORDER_SQL[op];
    // The columns hold UTC wall time (timestamp(3) without time zone).
    condition = sql`${expr} ${Prisma.raw(operator)} (${time.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  } else {
    if (typeof value !== 'string') throw invalid(`"${path}" is compared with a quoted string.`);
    const exact = def.caseExact;
    if (op === 'co' || op === 'sw' || op === 'ew') {
      condition = sql`${expr} ${Prisma.raw(exact ? 'LIKE' : 'ILIKE')} ${likePattern(value, op)}`;
    } else {
      const operator = Prisma.raw(op === 'eq' ? '=' : ORDER_SQL[op]);
      condition = exact ? sql`${expr} ${operator} ${value}` : sql`lower(${expr}) ${operator} lower(${value})`;
    }
  }
  // Unknown (a missing value) counts as false, so NOT stays two-valued; a NOT NULL column's
  // comparison is plain, for the indexes on it (userName eq: ("directoryId", lower("userName"))).
  return target.wrap(target.notNull ? sql`(${condition})` : sql`COALESCE(${condition}, false)`);
}

/** Within a value path, attributes are the multi-valued attribute's sub-attributes. */
function valuePath(table: Table, path: string, filter: Filter): Prisma.Sql {
  const { extension, def } = resolve(table, path);
  if (!def.multiValued || def.type !== 'complex') throw invalid(`"${path}[…]" needs a multi-valued attribute such as emails or members.`);
  const root = extension ? sql`("resource"->${key(extension)})` : Prisma.raw('"resource"');
  const columnItems = extension ? undefined : table.items?.(def);
  const from = columnItems ? columnItems.from : jsonItems(root, def);
  const subOperand = (subPath: string): Operand => {
    const sub = findAttribute(def.subAttributes, subPath);
    if (!sub) throw invalid(`"${def.name}" has no sub-attribute "${subPath}".`);
    return columnItems ? columnItems.sub(sub, `${def.name}.${sub.name}`) : jsonOperand(ITEM, sub, `${def.name}.${sub.name}`);
  };
  return sql`EXISTS (SELECT 1 FROM ${from} AS item WHERE ${translate(filter, (p) => subOperand(p), true)})`;
}

function translate(filter: Filter, operandOf: (path: string) => Operand, inValuePath: boolean, table?: Table): Prisma.Sql {
  switch (filter.op) {
    case 'and':
    case 'or':
      return sql`(${Prisma.join(
        filter.filters.map((inner) => translate(inner, operandOf, inValuePath, table)),
        filter.op === 'and' ? ' AND ' : ' OR ',
      )})`;
    case 'not':
      return sql`NOT ${translate(filter.filter, operandOf, inValuePath, table)}`;
    case '[]':
      if (inValuePath || !table) throw invalid('Value paths cannot be nested.');
      return valuePath(table, filter.attrPath, filter.valFilter);
    case 'pr': {
      const target = operandOf(filter.attrPath);
      return target.wrap(target.present);
    }
    default:
      return compare(operandOf(filter.attrPath), filter.op, filter.compValue);
  }
}

function countTerms(filter: Filter): number {
  if (filter.op === 'and' || filter.op === 'or') return filter.filters.reduce((sum, inner) => sum + countTerms(inner), 0);
  if (filter.op === 'not') return countTerms(filter.filter);
  if (filter.op === '[]') return countTerms(filter.valFilter);
  return 1;
}

// `emails[type eq "work"].value eq "x"` (a value path with a sub-attribute, as IdPs write it) is
// `emails[type eq "work" and value eq "x"]`: the same item. The parser reads it as two
// independent terms, so it is rewritten first (quoted strings are skipped as a whole).
const SUB_AFTER_VALUE_PATH =
  /([A-Za-z][\w$:.-]*)\[((?:[^\]"]|"(?:[^"\\]|\\.)*")*)\]\.([A-Za-z][\w$-]*)\s+(pr\b|[A-Za-z]{2}\s+(?:"(?:[^"\\]|\\.)*"|true\b|false\b|null\b|-?\d+(?:\.\d+)?))/gi;

export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) throw invalid('The filter is too long.');
  let ast: Filter;
  try {
    ast = parse(text.replace(SUB_AFTER_VALUE_PATH, (_, attr: string, inner: string, sub: string, test: string) => `${attr}[(${inner}) and ${sub} ${test}]`));
  } catch (error) {
    throw invalid(`The filter is not valid: ${error instanceof Error ? error.message : 'parse error'}. Example: userName eq "ada@acme.com".`);
  }
  if (countTerms(ast) > MAX_TERMS) throw invalid(`Use at most ${MAX_TERMS} terms in a filter.`);
  return ast;
}

/** The SQL condition of a filter on a resource type's table (TRUE without a filter). */
export function filterCondition(type: ResourceTypeName, text: string | null | undefined): Prisma.Sql {
  if (text === null || text === undefined || text.trim() === '') return sql`TRUE`;
  const table = TABLES[type];
  return translate(parseFilter(text), (path) => operand(table, path), false, table);
}
