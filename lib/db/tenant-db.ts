import { db, dbRead, type Prisma, type PrismaClient } from './client.ts';
import { enterTenant } from './tenant-session.ts';

// Which column ties each model to a tenant. Models missing here (User, LoginFailure,
// VerificationToken) are platform-wide and are not reachable through tenantDb() at all.
const TENANT_KEY: Record<string, string> = {
  Tenant: 'id',
  Domain: 'tenantId',
  Branding: 'tenantId',
  Membership: 'tenantId',
  LoginToken: 'tenantId',
  // Sessions on the platform's root domain (tenantId null) are never reachable through tenantDb().
  UserSession: 'tenantId',
  AuditLog: 'tenantId',
  Asset: 'tenantId',
  Invitation: 'tenantId',
  Team: 'tenantId',
  TeamMember: 'tenantId',
  TeamJoinRequest: 'tenantId',
  Goal: 'tenantId',
  GoalAssignee: 'tenantId',
  GoalProgressEntry: 'tenantId',
  GoalMeasurement: 'tenantId',
  Milestone: 'tenantId',
  Comment: 'tenantId',
  Habit: 'tenantId',
  HabitLog: 'tenantId',
  Insight: 'tenantId',
  InsightDismissal: 'tenantId',
  DomainEvent: 'tenantId',
  Kudos: 'tenantId',
  EmailMessage: 'tenantId',
  ApiKey: 'tenantId',
  ApiRequestLog: 'tenantId',
  ApiUsageDaily: 'tenantId',
  IdempotencyKey: 'tenantId',
  WebhookEndpoint: 'tenantId',
  WebhookDelivery: 'tenantId',
  WebhookDeliveryAttempt: 'tenantId',
  // OAuthApp: the owning workspace; the others: the workspace the grant acts in.
  OAuthApp: 'tenantId',
  OAuthGrant: 'tenantId',
  OAuthAuthorizationCode: 'tenantId',
  OAuthToken: 'tenantId',
  SsoConfig: 'tenantId',
  SsoDomain: 'tenantId',
  SsoConnection: 'tenantId',
  SamlRequest: 'tenantId',
  ScimDirectory: 'tenantId',
  ScimUser: 'tenantId',
  ScimGroup: 'tenantId',
  BillingAccount: 'tenantId',
  UsagePeriod: 'tenantId',
  DunningNotice: 'tenantId',
  AppInstallation: 'tenantId',
  Notification: 'tenantId',
  HabitReminder: 'tenantId',
  CoachConversation: 'tenantId',
  CoachMessage: 'tenantId',
};

const READ_OR_WRITE_BY_WHERE = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);

export class TenantScopeError extends Error {}

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object; update?: object };

/** Rows may name their own tenant (the types ask for it) but never another one. */
function assertSameTenant(model: string, key: string, data: unknown, tenantId: string): void {
  if (!data || typeof data !== 'object') return;
  const record = data as Record<string, unknown>;
  if ('tenant' in record || (key in record && record[key] !== tenantId)) {
    throw new TenantScopeError(`${model}: a row cannot be given to another tenant through tenantDb()`);
  }
}

/**
 * ANDs the tenant condition onto the caller's where. Unique fields stay at the top level (as
 * findUnique needs), and a caller asking for another tenant's row matches nothing rather
 * than being silently handed its own.
 */
function withTenantCondition(where: object | undefined, key: string, tenantId: string): object {
  const base = (where ?? {}) as Record<string, unknown>;
  const and = base.AND === undefined ? [] : Array.isArray(base.AND) ? base.AND : [base.AND];
  return { ...base, AND: [...and, { [key]: tenantId }] };
}

/** Adds the tenant condition to one query's arguments; exported for unit tests. */
export function scopeArgs(model: string, operation: string, args: Args, tenantId: string): Args {
  const key = TENANT_KEY[model];
  if (!key) throw new TenantScopeError(`${model} is not tenant-owned; use the platform client for it`);
  const scoped: Args = { ...args };

  if (READ_OR_WRITE_BY_WHERE.has(operation)) {
    scoped.where = withTenantCondition(args.where, key, tenantId);
    if (operation.startsWith('update')) assertSameTenant(model, key, args.data, tenantId);
    return scoped;
  }
  if (model === 'Tenant') throw new TenantScopeError(`Tenant.${operation} is not allowed through tenantDb()`);

  switch (operation) {
    case 'create':
      assertSameTenant(model, key, args.data, tenantId);
      scoped.data = { ...(args.data as object), [key]: tenantId };
      return scoped;
    case 'createMany':
    case 'createManyAndReturn': {
      const rows = Array.isArray(args.data) ? args.data : [args.data];
      rows.forEach((row) => assertSameTenant(model, key, row, tenantId));
      scoped.data = rows.map((row) => ({ ...(row as object), [key]: tenantId }));
      return scoped;
    }
    case 'upsert':
      assertSameTenant(model, key, args.create, tenantId);
      assertSameTenant(model, key, args.update, tenantId);
      scoped.where = withTenantCondition(args.where, key, tenantId);
      scoped.create = { ...(args.create ?? {}), [key]: tenantId };
      return scoped;
    default:
      throw new TenantScopeError(`${model}.${operation} is not supported through tenantDb()`);
  }
}

/** Set by Prisma on a query that runs in a transaction (batch or interactive). Not in its types. */
type QueryParams = { __internalParams?: { transaction?: unknown } };

function buildTenantDb(base: PrismaClient, tenantId: string) {
  return base.$extends({
    name: 'tenant-scope',
    query: {
      async $allOperations(params) {
        const { model, operation, args, query } = params;
        const scoped = query(model ? scopeArgs(model, operation, args as Args, tenantId) : args);
        // In a transaction, tenantTransaction() below entered the tenant when it began.
        if ((params as QueryParams).__internalParams?.transaction) return scoped;
        // Alone, the query runs as the tenant (row-level security) in a transaction of its own.
        const [, result] = await base.$transaction([base.$executeRaw(enterTenant(tenantId)), scoped]);
        return result;
      },
    },
  });
}

type ScopedClient = ReturnType<typeof buildTenantDb>;

/** $transaction on the scoped client, entering the tenant first (see lib/db/tenant-session.ts). */
function tenantTransaction(client: ScopedClient, tenantId: string): ScopedClient['$transaction'] {
  return ((input: unknown, options?: object) => {
    if (typeof input === 'function') {
      return client.$transaction(async (tx) => {
        await tx.$executeRaw(enterTenant(tenantId));
        return (input as (tx: unknown) => unknown)(tx);
      }, options);
    }
    const queries = [client.$executeRaw(enterTenant(tenantId)), ...(input as Prisma.PrismaPromise<unknown>[])];
    return client.$transaction(queries, options).then(([, ...results]) => results);
  }) as ScopedClient['$transaction'];
}

export type TenantDb = ScopedClient;

/**
 * A Prisma client whose every query on a tenant-owned model is limited to one tenant:
 * reads and writes by `where` get `tenantId` added, creates get it set, and moving a row
 * to another tenant is refused. Raw SQL and nested writes into other models are not
 * scoped: write them against the model itself. Under that, every query (raw SQL too) runs as
 * the tenant, so PostgreSQL's row-level security refuses what the scoping would have missed.
 */
export function tenantDb(tenantId: string): TenantDb {
  return scopedTo(db, tenantId);
}

/** tenantDb() on dbRead: a read replica when DATABASE_READ_URL is set (lib/db/client.ts). */
export function tenantDbRead(tenantId: string): TenantDb {
  return scopedTo(dbRead, tenantId);
}

function scopedTo(base: PrismaClient, tenantId: string): TenantDb {
  if (!tenantId) throw new TenantScopeError('tenantDb() needs a tenant id');
  const client = buildTenantDb(base, tenantId);
  const transaction = tenantTransaction(client, tenantId);
  return new Proxy(client, { get: (target, prop) => (prop === '$transaction' ? transaction : Reflect.get(target, prop)) });
}

/** The client inside tenantDb(…).$transaction(async (tx) => …). */
export type TenantTx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0];
