import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';
import waypoint from './eslint-rules/require-tenant-db.mjs';
import { TENANT_DB_ALLOW_LIST } from './eslint-rules/tenant-db-allow-list.mjs';
import { TRANSLATED_FILES } from './eslint-rules/translated-files.mjs';

const config = [
  { ignores: ['lib/db/generated/**', '.next/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...coreWebVitals,
  ...typescript,
  {
    rules: {
      // Logos and icons are tenant-supplied URLs of any size and origin; next/image would need
      // every tenant's host allow-listed at build time.
      '@next/next/no-img-element': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'inngest/**/*.ts', 'lib/**/*.ts', 'proxy.ts'],
    // Exact paths: brackets of dynamic segments escaped, or the glob reads them as a class.
    ignores: TENANT_DB_ALLOW_LIST.flatMap((group) => group.files).map((file) => file.replace(/[[\]]/g, '\\$&')),
    plugins: { waypoint },
    rules: { 'waypoint/require-tenant-db': 'error' },
  },
  {
    files: TRANSLATED_FILES,
    plugins: { waypoint },
    rules: { 'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true }], 'waypoint/no-literal-ui-attributes': 'error' },
  },
];

export default config;
