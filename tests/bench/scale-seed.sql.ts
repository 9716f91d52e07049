// The SQL that seeds one workspace of `npm run bench:scale` (tests/bench/scale.ts): members,
// teams, goals, habit logs, API request logs, audit entries, SCIM users and its reseller's
// commissions, each an INSERT … SELECT over generate_series, so a million rows take seconds.
// Ids are cuid-shaped ('c' + 24 characters, as Prisma's cuid() makes them) and derived from
// the workspace's slug, so the seed can find its own rows again (member 0 is the benched admin).
import type pg from 'pg';
import { BUCKETS, LATENCY_BOUNDS_MS } from '../../lib/api/usage-rollup.ts';

export interface ScaleCounts {
  members: number;
  goals: number;
  habitLogs: number;
  apiLogs: number;
  audit: number;
  scimUsers: number;
  commissions: number;
}

export interface ScaleWorkspace {
  slug: string;
  tenantId: string;
  resellerId: string;
  /** The reseller's client workspaces (this one first): commissions are spread over them. */
  clientIds: string[];
  apiKeyIds: string[];
  scimDirectoryId: string;
}

/** The SQL expression of the id of row `index` (an SQL expression) of one kind in the workspace `slug`. */
export function idSql(slug: string, kind: string, index: string): string {
  return `('c' || substr(md5('${slug}:${kind}:' || (${index})::text), 1, 24))`;
}

/** The id idSql gives, computed here. */
export async function idOf(client: pg.Client, slug: string, kind: string, index: number): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT ${idSql(slug, kind, '$1::int')} AS id`, [index]);
  return rows[0].id;
}

/** A team per 100 members (at least 5): member i is in team i % teams. */
const teamCount = (counts: ScaleCounts) => Math.max(5, Math.floor(counts.members / 100));

const FIRST = `(ARRAY['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','John','Katherine','Linus','Margaret','Niklaus','Radia','Ken','Shafi','Tim','Hedy','Dennis','Sophie','Leslie'])`;
const LAST = `(ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Backus','Johnson','Torvalds','Hamilton','Wirth','Perlman','Thompson','Goldwasser','Berners','Lamarr','Ritchie','Wilson','Lamport','Kay','Codd','Hoare','Milner','Rivest'])`;
const WORDS = `(ARRAY['Run','Read','Ship','Learn','Write','Save','Cook','Swim','Plan','Draw','Sleep','Hire','Sell','Paint','Climb'])`;

/** How many of statements() seed people (users, members, teams). */
const PEOPLE = 4;

/** Statements, in order, that seed the workspace's data; :tenant is always the tenant id. */
function statements(ws: ScaleWorkspace, counts: ScaleCounts): string[] {
  const { slug } = ws;
  const id = (kind: string, index: string) => idSql(slug, kind, index);
  const teams = teamCount(counts);
  const m = counts.members;
  const habits = Math.ceil(counts.habitLogs / 365);
  return [
    // Members: 0 is the benched owner; about 1% admins, 10% viewers; joined over three years.
    `INSERT INTO "User" (id, email, name, "emailVerifiedAt", "createdAt", "updatedAt")
     SELECT ${id('user', 'i')}, 'm' || i || '@${slug}.test', ${FIRST}[1 + i % 20] || ' ' || ${LAST}[1 + (i / 20) % 25] || ' ' || i,
            now(), now() - (i::float8 / ${m} * interval '1095 days'), now()
     FROM generate_series(0, ${m - 1}) i`,
    `INSERT INTO "Membership" (id, "tenantId", "userId", role, "createdAt")
     SELECT ${id('membership', 'i')}, :tenant, ${id('user', 'i')},
            (CASE WHEN i = 0 THEN 'owner' WHEN i % 100 = 1 THEN 'admin' WHEN i % 10 = 9 THEN 'viewer' ELSE 'member' END)::"Role",
            now() - ((${m} - i)::float8 / ${m} * interval '1095 days')
     FROM generate_series(0, ${m - 1}) i`,
    `INSERT INTO "Team" (id, "tenantId", name, "createdAt", "updatedAt")
     SELECT ${id('team', 't')}, :tenant, 'Team ' || t, now(), now() FROM generate_series(0, ${teams - 1}) t`,
    `INSERT INTO "TeamMember" (id, "tenantId", "teamId", "userId", role)
     SELECT ${id('team-member', 'i')}, :tenant, ${id('team', `i % ${teams}`)}, ${id('user', 'i')}, (CASE WHEN i < ${teams} THEN 'lead' ELSE 'member' END)::"TeamRole"
     FROM generate_series(0, ${m - 1}) i`,
    // Goals: owned by member g % members; 60% team goals (the owner's team), the rest personal;
    // 60% active, 30% completed, 10% archived; created over three years; due dates a year
    // either side of today, one in five undated.
    `INSERT INTO "Goal" (id, "tenantId", "ownerId", "teamId", title, description, "targetDate", status, progress, "completedAt", "completedById", "createdAt", "updatedAt")
     SELECT ${id('goal', 'g')}, :tenant, ${id('user', `g % ${m}`)},
            CASE WHEN (g / 7) % 10 < 6 THEN ${id('team', `(g % ${m}) % ${teams}`)} END,
            ${WORDS}[1 + g % 15] || ' goal ' || g, CASE WHEN g % 3 = 0 THEN 'Why: ' || ${WORDS}[1 + (g / 15) % 15] || ' more often' END,
            CASE WHEN g % 5 <> 0 THEN current_date + ((g * 37) % 730 - 365) END,
            (CASE WHEN g % 10 < 6 THEN 'active' WHEN g % 10 < 9 THEN 'completed' ELSE 'archived' END)::"GoalStatus",
            CASE WHEN g % 10 BETWEEN 6 AND 8 THEN 100 ELSE (g * 13) % 100 END,
            CASE WHEN g % 10 BETWEEN 6 AND 8 THEN created + interval '20 days' END,
            CASE WHEN g % 10 BETWEEN 6 AND 8 THEN ${id('user', `g % ${m}`)} END,
            created, created + interval '20 days'
     FROM generate_series(0, ${counts.goals - 1}) g,
          LATERAL (SELECT now() - interval '1 day' - (((g::bigint * 7919) % ${counts.goals})::float8 / ${counts.goals} * interval '1095 days') AS created) c`,
    // Every fifth team goal has its owner assigned as lead.
    `INSERT INTO "GoalAssignee" (id, "tenantId", "goalId", "userId", role)
     SELECT ${id('assignee', 'g')}, :tenant, ${id('goal', 'g')}, ${id('user', `g % ${m}`)}, 'lead'::"AssigneeRole"
     FROM generate_series(0, ${counts.goals - 1}) g WHERE (g / 7) % 10 < 6 AND g % 5 = 0`,
    // Habits of members 1…: a year of daily logs each (its last 365 days, shifted per habit).
    `INSERT INTO "Habit" (id, "tenantId", "userId", name, "createdAt", "updatedAt")
     SELECT ${id('habit', 'h')}, :tenant, ${id('user', `1 + h % ${Math.max(1, m - 1)}`)}, ${WORDS}[1 + h % 15] || ' daily', now() - interval '1200 days', now()
     FROM generate_series(0, ${habits - 1}) h`,
    `INSERT INTO "HabitLog" (id, "tenantId", "habitId", "userId", date, "createdAt")
     SELECT ${id('habit-log', 'k')}, :tenant, ${id('habit', 'k / 365')}, ${id('user', `1 + (k / 365) % ${Math.max(1, m - 1)}`)},
            current_date - (k % 365) - ((k / 365) % 400), now()
     FROM generate_series(0, ${counts.habitLogs - 1}) k`,
    // The benched owner's habit: three years of daily logs, one missed day 400 days ago.
    `INSERT INTO "Habit" (id, "tenantId", "userId", name, "createdAt", "updatedAt")
     VALUES (${id('habit', '-1')}, :tenant, ${id('user', '0')}, 'Three years of running', now() - interval '1100 days', now())`,
    `INSERT INTO "HabitLog" (id, "tenantId", "habitId", "userId", date, "createdAt")
     SELECT ${id('habit-log', '-1 - d')}, :tenant, ${id('habit', '-1')}, ${id('user', '0')}, current_date - d, now() - d * interval '1 day'
     FROM generate_series(0, 1094) d WHERE d <> 400`,
    // API traffic over 90 days on the workspace's keys: 90% 2xx, 7% 4xx, 3% 5xx.
    `INSERT INTO "ApiRequestLog" (id, "tenantId", "apiKeyId", method, route, status, "durationMs", bytes, "createdAt")
     SELECT ${id('api-log', 'r')}, :tenant, (:keys::text[])[1 + r % cardinality(:keys::text[])],
            (ARRAY['GET','GET','GET','POST','PATCH','DELETE'])[1 + r % 6],
            (ARRAY['/api/v1/goals','/api/v1/goals/{id}','/api/v1/habits','/api/v1/habits/{id}/logs','/api/v1/users/me','/api/v1/teams','/api/v1/webhook-deliveries'])[1 + (r / 6) % 7],
            CASE WHEN r % 100 < 90 THEN 200 WHEN r % 100 < 97 THEN (ARRAY[400,404,422,429])[1 + r % 4] ELSE 500 END,
            5 + (r::bigint * 7919) % 400, 200 + (r * 31) % 5000,
            now() - (((r::bigint * 104729) % ${counts.apiLogs})::float8 / ${counts.apiLogs} * interval '90 days')
     FROM generate_series(0, ${counts.apiLogs - 1}) r`,
    // Its daily rollup (ApiUsageDaily), as the request log's writer keeps it; the developers page reads that.
    `INSERT INTO "ApiUsageDaily" ("tenantId", day, "apiKeyId", method, route, "statusClass", requests, "durationMs", "maxDurationMs", "latencyBuckets")
     SELECT "tenantId", "createdAt"::date, COALESCE("apiKeyId", ''), method, route, CASE WHEN status < 400 THEN 2 WHEN status < 500 THEN 4 ELSE 5 END,
            count(*), sum("durationMs"), max("durationMs"),
            ARRAY[${Array.from({ length: BUCKETS }, (_, b) => `count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[${LATENCY_BOUNDS_MS.join(',')}]) = ${b})`).join(', ')}]
     FROM "ApiRequestLog" WHERE "tenantId" = :tenant
     GROUP BY 1, 2, 3, 4, 5, 6`,
    // A year of audit entries by the workspace's members.
    `INSERT INTO "AuditLog" (id, "tenantId", "actorId", "actorEmail", action, "targetType", "targetId", ip, metadata, "createdAt")
     SELECT ${id('audit', 'a')}, :tenant, ${id('user', `a % ${m}`)}, 'm' || (a % ${m}) || '@${slug}.test',
            (ARRAY['member.invited','member.role_changed','goal.deleted','api_key.created','api_key.revoked','webhook.created','branding.updated','sso.updated'])[1 + a % 8],
            'user', ${id('user', `(a * 7) % ${m}`)}, '203.0.113.' || (a % 250), jsonb_build_object('note', 'entry ' || a, 'from', 'member', 'to', 'admin'),
            now() - ((${counts.audit} - a)::float8 / ${counts.audit} * interval '365 days')
     FROM generate_series(0, ${counts.audit - 1}) a`,
    // SCIM users of the directory, the first ones linked to members; 5% deactivated.
    `INSERT INTO "ScimUser" (id, "tenantId", "directoryId", "externalId", "userName", "userId", active, resource, "createdAt", "updatedAt")
     SELECT ${id('scim-user', 's')}, :tenant, :directory, 'ext-' || s, 'scim' || s || '@${slug}.test', CASE WHEN s + 1 < ${m} THEN ${id('user', 's + 1')} END, s % 20 <> 0,
            jsonb_build_object('schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'), 'userName', 'scim' || s || '@${slug}.test',
                               'name', jsonb_build_object('givenName', ${FIRST}[1 + s % 20], 'familyName', ${LAST}[1 + (s / 20) % 25]),
                               'emails', jsonb_build_array(jsonb_build_object('value', 'scim' || s || '@${slug}.test', 'primary', true)), 'active', s % 20 <> 0),
            now() - ((${counts.scimUsers} - s) * interval '1 hour'), now()
     FROM generate_series(0, ${counts.scimUsers - 1}) s`,
    // The reseller's commissions over two years, on its clients' invoices: paid when old,
    // approved after the holding period, pending within it; 3% reversed.
    `INSERT INTO "Commission" (id, "resellerId", "tenantId", "sourceId", "invoiceId", kind, "planId", "saleCents", "baseCents", "rateBps", "amountCents", level, status, "availableAt", "approvedAt", "paidAt", "reversedAt", "createdAt")
     SELECT ${id('commission', 'c')}, :reseller, (:clients::text[])[1 + c % cardinality(:clients::text[])], 'in_${slug}_' || c, 'in_${slug}_' || c, 'sale',
            (ARRAY['basic','pro','enterprise'])[1 + c % 3], sale, sale, 2000, sale / 5, 0,
            (CASE WHEN c % 33 = 0 THEN 'reversed' WHEN age > 90 THEN 'paid' WHEN age > 30 THEN 'approved' ELSE 'pending' END)::"CommissionStatus",
            created + interval '30 days', CASE WHEN age > 30 THEN created + interval '30 days' END, CASE WHEN age > 90 THEN created + interval '60 days' END,
            CASE WHEN c % 33 = 0 THEN created + interval '5 days' END, created
     FROM generate_series(0, ${counts.commissions - 1}) c,
          LATERAL (SELECT (ARRAY[900, 2900, 9900])[1 + c % 3] * (1 + c % 4) AS sale, ((c::bigint * 7919) % 730)::int AS age) s,
          LATERAL (SELECT now() - age * interval '1 day' AS created) t`,
  ];
}

/** `:name` parameters as pg's $1…, in order of first use. */
function bind(sql: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/:([a-z]+)\b/g, (match, name: string) => {
    if (!(name in values)) return match;
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, values: names.map((name) => values[name]) };
}

async function run(client: pg.Client, ws: ScaleWorkspace, sqls: string[]): Promise<void> {
  const values = { tenant: ws.tenantId, keys: ws.apiKeyIds, directory: ws.scimDirectoryId, reseller: ws.resellerId, clients: ws.clientIds };
  for (const sql of sqls) {
    const bound = bind(sql, values);
    await client.query(bound.text, bound.values);
  }
}

/** Users, members and teams: first, so the bench can make API keys and a SCIM directory as member 0. */
export const seedPeople = (client: pg.Client, ws: ScaleWorkspace, counts: ScaleCounts) => run(client, ws, statements(ws, counts).slice(0, PEOPLE));

/** The rest, which refers to the workspace's API keys, SCIM directory, reseller and clients. */
export const seedActivity = (client: pg.Client, ws: ScaleWorkspace, counts: ScaleCounts) => run(client, ws, statements(ws, counts).slice(PEOPLE));
