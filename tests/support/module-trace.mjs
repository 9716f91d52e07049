// Preloaded (node --import) into a server under test: appends the file of every module it
// loads from node_modules/@opentelemetry or node_modules/@prisma/instrumentation to
// MODULE_TRACE_FILE, through require() and import() alike, so a test can tell whether
// telemetry code was loaded at all.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.MODULE_TRACE_FILE;
const WATCHED = /node_modules[\\/](@opentelemetry|@prisma[\\/]instrumentation)[\\/]/;

if (file) {
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try {
      const resolved = Module._resolveFilename(request, parent, isMain);
      if (WATCHED.test(resolved)) appendFileSync(file, `${resolved}\n`);
    } catch {
      // Not resolvable here: the real load below reports it.
    }
    return load.apply(this, arguments);
  };
  register('./module-trace-hooks.mjs', import.meta.url, { data: { file } });
}
