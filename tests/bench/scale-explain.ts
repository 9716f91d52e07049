// The queries behind one request of `npm run bench:scale`, as the server's query probe
// (tests/bench/query-probe.mjs) wrote them, and their plans: EXPLAIN (ANALYZE) of each read
// with the parameters it ran with, and whether a big table was read by a sequential scan.
import { readFileSync, statSync } from 'node:fs';
import type pg from 'pg';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/** The probe file's length now: where the next request's queries start. */
export function queryMark(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The app's queries written since `mark` (the job queue's polling, pg-boss in the server, left out). */
export function queriesSince(file: string, mark: number): CapturedQuery[] {
  const text = readFileSync(file).subarray(mark).toString('utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedQuery)
    .filter((query) => !/\bpgboss\./.test(query.text));
}

/** Reads only, and not the connection's own housekeeping: what EXPLAIN ANALYZE may run again safely. */
export const isRead = (query: CapturedQuery) => /^\s*(SELECT|WITH)\b/i.test(query.text) && !/\b(FOR UPDATE|pg_advisory|set_config|pg_notify|nextval|INSERT|UPDATE|DELETE)\b/i.test(query.text);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  sql: string;
  ms: number;
  /** The top node, e.g. "Limit", "Index Scan using Goal_pkey on Goal". */
  top: string;
  /** Sequential scans of tables with more than BIG_TABLE_ROWS rows. */
  bigSeqScans: string[];
  /** Index scans anywhere in the plan. */
  indexes: string[];
}

/** A table this big read from end to end is a scan that grows with the data. */
export const BIG_TABLE_ROWS = 20_000;

function describe(node: PlanNode): string {
  if (node['Index Name']) return `${node['Node Type']} using ${node['Index Name']}`;
  return node['Relation Name'] ? `${node['Node Type']} on ${node['Relation Name']}` : node['Node Type'];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export async function explain(client: pg.Client, query: CapturedQuery, bigTables: Set<string>): Promise<PlanSummary> {
  const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`, query.values);
  const [{ Plan: plan, 'Execution Time': ms }] = rows[0]['QUERY PLAN'];
  const bigSeqScans: string[] = [];
  const indexes: string[] = [];
  walk(plan, (node) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && bigTables.has(node['Relation Name'])) bigSeqScans.push(node['Relation Name']);
    if (node['Index Name']) indexes.push(node['Index Name']);
  });
  let top = plan;
  // Limit, Sort and Aggregate say little on their own: name the node under them too.
  while (['Limit', 'Sort', 'Aggregate', 'Result', 'Unique', 'Incremental Sort', 'Gather', 'Gather Merge'].includes(top['Node Type']) && top.Plans?.length === 1) top = top.Plans[0];
  const head = top === plan ? describe(plan) : `${plan['Node Type']} > ${describe(top)}`;
  return { sql: query.text.replace(/\s+/g, ' ').slice(0, 140), ms, top: head, bigSeqScans, indexes };
}

/** Tables with more than BIG_TABLE_ROWS rows (by the planner's estimate, after ANALYZE). */
export async function bigTables(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > $1`, [BIG_TABLE_ROWS]);
  return new Set(rows.map((row) => row.name));
}
