import { flushRequestLog } from '../api/request-log.ts';
import { closeCoachLimiter } from '../coach/limits.ts';
import { disconnectDb } from '../db/client.ts';
import { closeNotifyListener } from '../db/notify-listener.ts';
import { closePgPool } from '../db/pg-pool.ts';
import { stopJobs } from '../jobs/start.ts';
import { closeApiRateLimiter } from '../ratelimit/index.ts';
import { closeJackson } from '../sso/jackson.ts';
import { onShutdown } from './lifecycle.ts';

/**
 * What the app finishes when its server stops (called from instrumentation.ts): first the work
 * in flight (the buffered API request log, which feeds usage billing; job workers, which
 * finish their current job), then the connections.
 */
export function registerAppShutdown(): void {
  onShutdown('request log', 'drain', flushRequestLog);
  onShutdown('jobs', 'drain', stopJobs);
  onShutdown('sso', 'close', closeJackson);
  onShutdown('rate limiter', 'close', closeApiRateLimiter);
  onShutdown('coach rate limiter', 'close', closeCoachLimiter);
  onShutdown('notify listener', 'close', closeNotifyListener);
  onShutdown('pg pool', 'close', closePgPool);
  onShutdown('database', 'close', disconnectDb);
}
