// The app server of one instance: `tsx lib/cli/serve.ts [--dev]` (npm start runs it after
// preparing the database; deploys run it directly, see the README's Deploy section). Checks
// the configuration first and refuses to start with a list of what is wrong.
import { bootProblems, env } from '../config/env.ts';
import { logger } from '../observability/logger.ts';
import { serve } from '../server/http-server.ts';

const dev = process.argv.includes('--dev');
process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.WAYPOINT_MODE ??= process.env.NODE_ENV === 'production' && !dev ? 'production' : 'demo';

const problems = bootProblems();
if (problems.length > 0) {
  console.error(`Waypoint cannot start in ${process.env.WAYPOINT_MODE} mode:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(78); // EX_CONFIG
}

const port = env().PORT;
const running = await serve({ dev, port });
logger().info({ port, mode: process.env.WAYPOINT_MODE, dev }, 'listening');

let exiting = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    void running.shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger().error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
