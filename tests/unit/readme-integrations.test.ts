import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { integrations } from '../../lib/integrations/registry.ts';

// The README's integrations section is what an operator configures from: every integration's
// redirect URI, scopes and environment variables must be in it, as the code has them.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Integrations'), readme.indexOf('\n## ', readme.indexOf('## Integrations') + 1));

describe('README › Integrations', () => {
  it('exists', () => {
    expect(section.length).toBeGreaterThan(500);
  });

  for (const { manifest } of integrations()) {
    it(`lists ${manifest.name}: its redirect URI, every scope and every environment variable`, () => {
      const row = section.split('\n').find((line) => line.startsWith(`| ${manifest.name} (\`${manifest.id}\`)`));
      expect(row, `a table row for ${manifest.id}`).toBeDefined();
      if (manifest.redirectPath) expect(row).toContain(`https://<ROOT_DOMAIN>${manifest.redirectPath}`);
      for (const scope of manifest.providerScopes) expect(row).toContain(`\`${scope}\``);
      for (const variable of manifest.env) expect(row).toContain(`\`${variable.name}\``);
    });
  }
});
