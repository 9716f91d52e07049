// Preloaded into `npm run bench:scale`'s server (node --import): appends every SQL statement the
// app sends through pg (Prisma's adapter and the plain pool both do) with its parameters, one
// JSON line each, to BENCH_QUERY_FILE, so the bench can count a request's queries and EXPLAIN
// them. pg is a server-external package (next.config.mjs): the app loads this same module.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.BENCH_QUERY_FILE;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = typeof config === 'string' || Array.isArray(values) ? values : config?.values;
    if (typeof text === 'string') appendFileSync(file, JSON.stringify({ text, values: Array.isArray(params) ? params : [] }) + '\n');
    return query.call(this, config, values, callback);
  };
}
