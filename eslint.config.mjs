import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

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
];

export default config;
