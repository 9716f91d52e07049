// The ESM half of module-trace.mjs (module.register hooks run on their own thread).
import { appendFileSync } from 'node:fs';

const WATCHED = /node_modules[\\/](@opentelemetry|@prisma[\\/]instrumentation)[\\/]/;
let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (file && WATCHED.test(result.url)) appendFileSync(file, `${result.url}\n`);
  return result;
}
