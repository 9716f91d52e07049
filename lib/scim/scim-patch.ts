import { z } from 'zod';
import { scimBadRequest } from './scim-errors.ts';
import { Tester, type Filter } from 'scim2-parse-filter';
import { parseFilter } from './scim-filter.ts';

// SCIM PATCH (RFC 7644 §3.5.2) on a resource held as plain JSON, in the shapes Okta and Entra
// send, e.g.
//   Okta:  {"op":"replace","value":{"active":false}}
//          {"op":"remove","path":"members[value eq \"00u1…\"]"}
//   Entra: {"op":"Replace","path":"active","value":"False"}
//          {"op":"Add","path":"emails[type eq \"work\"].value","value":"ada@acme.com"}
//          {"op":"Remove","path":"members","value":[{"value":"…"}]}
//          {"op":"replace","value":{"name.givenName":"Ada","displayName":"Ada L"}}
// Op names and attribute names are case-insensitive. Operations apply to a copy, all or none.
// Type coercion ("False" → false) is the resource's business, after the patch.

export type JsonObject = Record<string, unknown>;
type OpName = 'add' | 'replace' | 'remove';

const operationSchema = z.looseObject({ op: z.string(), path: z.string().max(500).optional(), value: z.unknown().optional() });

const operationsSchema = z.array(operationSchema).min(1).max(1000);

/** "Operations" in any case ("operations" as some clients spell it), and "Op", "Path", "Value" too. */
const patchBodySchema = z.looseObject({ operations: operationsSchema });

const isPlain = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function lowerKeys(body: unknown): unknown {
  if (!isPlain(body)) return body;
  const lowered = (obj: JsonObject) => Object.fromEntries(Object.entries(obj).map(([key, value]) => [key.toLowerCase(), value]));
  const top = lowered(body);
  if (Array.isArray(top.operations)) top.operations = top.operations.map((op) => (isPlain(op) ? lowered(op) : op));
  return top;
}

export interface PatchOperation {
  op: OpName;
  path: string | null;
  value: unknown;
}

/** The operations of a PATCH body, or a 400 invalidSyntax that says what is wrong. */
export function parsePatchBody(body: unknown): PatchOperation[] {
  const parsed = patchBodySchema.safeParse(lowerKeys(body));
  const raw = parsed.success ? parsed.data.operations : undefined;
  if (!raw) throw scimBadRequest('invalidSyntax', 'A PATCH body needs "Operations": a list of 1 to 1000 objects, each with an "op" (add, replace or remove).');
  return raw.map((operation, index) => {
    const op = operation.op.toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw scimBadRequest('invalidSyntax', `Operation ${index + 1}: "op" must be add, replace or remove, not "${operation.op}".`);
    const path = operation.path?.trim() || null;
    if (op === 'remove' && path === null && operation.value === undefined) throw scimBadRequest('noTarget', `Operation ${index + 1}: a remove needs a "path".`);
    if (op !== 'remove' && operation.value === undefined) throw scimBadRequest('invalidValue', `Operation ${index + 1}: an ${op} needs a "value".`);
    return { op, path, value: operation.value };
  });
}

interface Target {
  /** An extension schema's URN the attribute lives under, or null for core attributes. */
  container: string | null;
  attr: string;
  filter: Filter | null;
  sub: string | null;
}

const NAME = /^[A-Za-z][\w$-]*$/;
/** Names that would reach Object.prototype's members: never attributes. */
const RESERVED = new Set(['constructor', 'prototype', '__proto__', 'tostring', 'valueof', 'hasownproperty']);
const ATTR = { test: (name: string) => NAME.test(name) && !RESERVED.has(name.toLowerCase()) };
const CORE_URN = /^urn:ietf:params:scim:schemas:core:2\.0:(?:User|Group)$/i;

export function parsePath(path: string): Target {
  let container: string | null = null;
  let rest = path;
  if (/^urn:/i.test(path)) {
    // urn:…:enterprise:2.0:User:manager → container "urn:…:enterprise:2.0:User", attribute "manager"
    const bracket = path.indexOf('[');
    const head = bracket === -1 ? path : path.slice(0, bracket);
    const cut = head.lastIndexOf(':');
    container = path.slice(0, cut);
    rest = path.slice(cut + 1);
    // The schema URN itself (urn:…:enterprise:2.0:User): the whole extension object.
    if (/:\d+\.\d+$/.test(container) && bracket === -1 && ATTR.test(rest)) return { container: null, attr: path, filter: null, sub: null };
    if (CORE_URN.test(container)) container = null;
  }
  const match = /^([^[.\]]+)(?:\[(.+)\])?(?:\.([^[.\]]+))?$/.exec(rest);
  if (!match || !ATTR.test(match[1]) || (match[3] !== undefined && !ATTR.test(match[3]))) {
    throw scimBadRequest('invalidPath', `The path "${path}" is not a valid attribute path.`);
  }
  let filter: Target['filter'] = null;
  if (match[2] !== undefined) {
    filter = parseFilter(match[2]);
    if (filter.op === '[]') throw scimBadRequest('invalidPath', `The path "${path}" has a nested value filter.`);
  }
  return { container, attr: match[1], filter, sub: match[3] ?? null };
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key of `attr` in `obj` regardless of case (SCIM attribute names are case-insensitive). */
function keyOf(obj: JsonObject, attr: string): string {
  const lower = attr.toLowerCase();
  return Object.keys(obj).find((key) => key.toLowerCase() === lower) ?? attr;
}

/** Value filters on items compare strings case-insensitively (types, ids, addresses), with attribute names in any case. */
class ItemTester extends Tester {
  private fold = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);
  eq(r: unknown, v: Parameters<Tester['eq']>[1]): boolean {
    return super.eq(this.fold(r), this.fold(v) as typeof v);
  }
  ne(r: unknown, v: Parameters<Tester['ne']>[1]): boolean {
    return !this.eq(r, v);
  }
  co(r: unknown, v: Parameters<Tester['co']>[1]): boolean {
    return super.co(this.fold(r), this.fold(v) as typeof v);
  }
  sw(r: unknown, v: Parameters<Tester['sw']>[1]): boolean {
    return super.sw(this.fold(r), this.fold(v) as typeof v);
  }
  ew(r: unknown, v: Parameters<Tester['ew']>[1]): boolean {
    return super.ew(this.fold(r), this.fold(v) as typeof v);
  }
}
const itemTester = new ItemTester();

function matches(element: unknown, filter: Filter): boolean {
  return isObject(element) && itemTester.test(element, filter);
}

/** The attribute/value pairs an "eq" filter pins (to fill in an item added through it). */
function pinned(filter: Filter): JsonObject {
  if (filter.op === 'eq' && !filter.attrPath.includes('.')) return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') return Object.assign({}, ...filter.filters.map(pinned));
  return {};
}

/** Multi-valued items are the same item when their "value" is (members, emails). */
function itemKey(item: unknown): string {
  return isObject(item) && 'value' in item ? `v:${String(item.value).toLowerCase()}` : `j:${JSON.stringify(item)}`;
}

function holder(doc: JsonObject, target: Target): JsonObject {
  if (target.container === null) return doc;
  const key = keyOf(doc, target.container);
  if (!isObject(doc[key])) doc[key] = {};
  return doc[key] as JsonObject;
}

function applyOne(doc: JsonObject, op: OpName, target: Target, value: unknown): void {
  const obj = holder(doc, target);
  const key = keyOf(obj, target.attr);

  if (target.filter) {
    const filter = target.filter;
    const list = Array.isArray(obj[key]) ? (obj[key] as unknown[]) : [];
    if (op === 'remove') {
      if (target.sub) {
        for (const element of list) if (matches(element, filter)) delete (element as JsonObject)[keyOf(element as JsonObject, target.sub)];
        obj[key] = list;
      } else {
        obj[key] = list.filter((element) => !matches(element, filter));
      }
      return;
    }
    const hits = list.filter((element) => matches(element, filter)) as JsonObject[];
    if (hits.length === 0) {
      // emails[type eq "work"].value on a user without a work email: add one.
      const created: JsonObject = pinned(filter);
      if (target.sub) created[target.sub] = value;
      else if (isObject(value)) Object.assign(created, value);
      list.push(created);
    } else {
      for (const hit of hits) {
        if (target.sub) hit[keyOf(hit, target.sub)] = value;
        else if (isObject(value)) Object.assign(hit, value);
      }
    }
    obj[key] = list;
    return;
  }

  if (target.sub) {
    if (op === 'remove') {
      if (isObject(obj[key])) delete (obj[key] as JsonObject)[keyOf(obj[key] as JsonObject, target.sub)];
      return;
    }
    if (!isObject(obj[key])) obj[key] = {};
    const inner = obj[key] as JsonObject;
    inner[keyOf(inner, target.sub)] = value;
    return;
  }

  const current = obj[key];
  if (op === 'remove') {
    // Entra: {"op":"Remove","path":"members","value":[{"value":"…"}]} removes those items only.
    if (Array.isArray(current) && Array.isArray(value)) {
      const gone = new Set(value.map(itemKey));
      obj[key] = current.filter((item) => !gone.has(itemKey(item)));
    } else {
      delete obj[key];
    }
    return;
  }
  if (op === 'add' && Array.isArray(current)) {
    const seen = new Set(current.map(itemKey));
    const added = (Array.isArray(value) ? value : [value]).filter((item) => !seen.has(itemKey(item)));
    obj[key] = [...current, ...added];
    return;
  }
  if (op === 'add' && isObject(current) && isObject(value)) {
    obj[key] = { ...current, ...value };
    return;
  }
  obj[key] = value;
}

/** Applies the operations to a copy of the resource and returns the copy. */
export function applyPatch(resource: JsonObject, operations: PatchOperation[]): JsonObject {
  const doc = structuredClone(resource);
  for (const { op, path, value } of operations) {
    if (path !== null) {
      applyOne(doc, op, parsePath(path), value);
      continue;
    }
    // No path: the value is an object of attribute → value (keys may be paths themselves).
    if (!isObject(value)) throw scimBadRequest('invalidSyntax', `An ${op} without a "path" needs an object "value".`);
    for (const [attr, attrValue] of Object.entries(value)) {
      applyOne(doc, op, parsePath(attr), attrValue);
    }
  }
  return doc;
}
