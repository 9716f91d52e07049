import { readFileSync } from 'node:fs';
import { noLiteralUiAttributes } from './no-literal-ui-attributes.mjs';

// Tenant-owned tables are read and written through tenantDb(tenantId) (lib/db/tenant-db.ts),
// which adds the tenant to every query: a forgotten `where: { tenantId }` cannot leak another
// workspace's rows. This rule reports the platform-wide client `db` (and the transaction client
// of db.$transaction) touching one of those tables. Code that is platform-wide on purpose (jobs
// over every workspace, the operator console, sign-in before a workspace is known, seeding)
// is on the allow-list in eslint-rules/tenant-db-allow-list.mjs, each group with its reason.

/** The models tenantDb() scopes, read from its TENANT_KEY map so the two cannot drift. */
export function tenantModels(source = readFileSync(new URL('../lib/db/tenant-db.ts', import.meta.url), 'utf8')) {
  const start = source.indexOf('const TENANT_KEY');
  const block = source.slice(start, source.indexOf('};', start));
  return new Set([...block.matchAll(/^\s+(\w+): '/gm)].map(([, model]) => model[0].toLowerCase() + model.slice(1)));
}

const CLIENT_MODULE = /(^|\/)db\/client(\.ts)?$/;
/** The platform-wide clients: the primary's and the read replica's. */
const PLATFORM_CLIENTS = new Set(['db', 'dbRead']);

/** @type {import('eslint').Rule.RuleModule} */
export const requireTenantDb = {
  meta: {
    type: 'problem',
    docs: { description: 'Tenant-owned tables are queried through tenantDb(), not the platform-wide db client' },
    schema: [],
    messages: {
      unscoped: "`{{client}}.{{model}}` reaches every workspace's rows: use tenantDb(tenantId), or add this file to eslint-rules/tenant-db-allow-list.mjs with the reason it is platform-wide.",
    },
  },
  create(context) {
    const models = tenantModels();
    const sourceCode = context.sourceCode;
    /** Local names of the platform-wide client in this file. */
    const clients = new Set();

    const reportUses = (variable, clientName) => {
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type === 'MemberExpression' && member.object === reference.identifier && !member.computed && member.property.type === 'Identifier' && models.has(member.property.name)) {
          context.report({ node: member, messageId: 'unscoped', data: { client: clientName, model: member.property.name } });
        }
      }
    };

    return {
      ImportDeclaration(node) {
        if (!CLIENT_MODULE.test(node.source.value)) return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type' || node.importKind === 'type') continue;
          if (!PLATFORM_CLIENTS.has(specifier.imported.name ?? specifier.imported.value)) continue;
          clients.add(specifier.local.name);
          for (const variable of sourceCode.getDeclaredVariables(specifier)) reportUses(variable, specifier.local.name);
        }
      },
      // db.$transaction(async (tx) => tx.goal.findMany(...)): the transaction is as unscoped as db.
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || !clients.has(callee.object.name)) return;
        if (callee.property.type !== 'Identifier' || callee.property.name !== '$transaction') return;
        const fn = node.arguments[0];
        if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || fn.params[0]?.type !== 'Identifier') return;
        const [param] = fn.params;
        const variable = sourceCode.getDeclaredVariables(fn).find((v) => v.name === param.name);
        if (variable) reportUses(variable, param.name);
      },
    };
  },
};

const plugin = { rules: { 'require-tenant-db': requireTenantDb, 'no-literal-ui-attributes': noLiteralUiAttributes } };

export default plugin;
