import type { ESLint, Rule } from 'eslint';

export function tenantModels(source?: string): Set<string>;
export const requireTenantDb: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
