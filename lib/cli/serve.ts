// The app server of one instance: `tsx lib/cli/serve.ts [--dev]` (npm start runs it after
// preparing the database; deploys run it directly, see the README's Deploy section). Checks
// the configuration first and refuses to start with a list of what is wrong.
import { bootProblems, env, isProduction, startMode } from '../config/env.ts';
import { productionWarnings } from '../config/schema.ts';
import { logger } from '../observability/logger.ts';
import { serve, type RunningServer } from '../server/http-server.ts';

const dev = process.argv.includes('--dev');
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.WAYPOINT_MODE = startMode(process.env, { dev });

const problems = bootProblems();
if (problems.length > 0) {
  console.error(`Waypoint cannot start in ${process.env.WAYPOINT_MODE} mode:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(78); // EX_CONFIG
}

const port = env().PORT;
const server: { running?: RunningServer } = {};
let exiting = false;
// Registered before the server listens, so a signal that arrives early still stops it cleanly.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    if (!server.running) process.exit(0);
    void server.running.shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger().error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
server.running = await serve({ dev, port });
if (isProduction()) for (const warning of productionWarnings(env())) logger().warn(warning);
logger().info({ port, mode: process.env.WAYPOINT_MODE, dev }, 'listening');
