import type PgBoss from 'pg-boss';

/** Jobs asked for in one fetch at most. */
const MAX_FETCH = 100;

export interface RunContext {
  /**
   * While `promise` is pending, the job does not count against the concurrency: it waits for
   * something other than this process's work (a webhook's send slot), and another job may run
   * meanwhile.
   */
  aside<R>(promise: Promise<R>): Promise<R>;
}

export interface QueueRunnerOptions<T> {
  name: string;
  /** Jobs of this queue running at once in this process. */
  concurrency: number;
  pollingIntervalSeconds: number;
  /** Runs one job: resolves with its output (completed), rejects when it failed for good. */
  run: (job: PgBoss.Job<T>, context: RunContext) => Promise<unknown>;
  onError: (error: unknown) => void;
}

/**
 * Runs one queue's jobs on pg-boss, up to `concurrency` at once. pg-boss's own workers fetch
 * one batch per worker and complete it as a whole once every job in it is done, so one slow
 * job holds up the batch and a worker per job costs a fetch per job. Here each fetch asks for
 * as many jobs as there is room for, each job starts as it arrives and frees its place when it
 * ends, and the jobs that end together are completed in one statement.
 */
export class QueueRunner<T> {
  private running = 0;
  private fetching = false;
  /** A fetch found as many jobs as it asked for, or jobs were sent since: the queue may hold more. */
  private more = true;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private finished: { id: string; output: unknown }[] = [];
  private flushing?: Promise<void>;
  private settled: (() => void)[] = [];

  constructor(
    private readonly boss: PgBoss,
    private readonly options: QueueRunnerOptions<T>,
  ) {}

  start(): void {
    void this.fill();
  }

  /** Jobs were sent that are due now: fetch them at once rather than at the next poll. */
  wake(): void {
    this.more = true;
    void this.fill();
  }

  /** Stops fetching, and waits up to `timeoutMs` for the running jobs to end and be completed. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.running > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => this.settled.push(resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    await this.flush();
  }

  private async fill(): Promise<void> {
    if (this.fetching || this.stopped) return;
    this.fetching = true;
    try {
      while (this.more && !this.stopped && this.running < this.options.concurrency) {
        this.more = false;
        const wanted = Math.min(this.options.concurrency - this.running, MAX_FETCH);
        const jobs = await this.boss.fetch<T>(this.options.name, { batchSize: wanted });
        if (jobs.length === wanted) this.more = true;
        for (const job of jobs) this.begin(job);
      }
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.fetching = false;
      this.poll();
    }
  }

  // Jobs sent by another process, and delayed jobs coming due, are found by polling.
  private poll(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.more = true;
      void this.fill();
    }, this.options.pollingIntervalSeconds * 1000);
  }

  private begin(job: PgBoss.Job<T>): void {
    this.running += 1;
    const aside = <R>(promise: Promise<R>): Promise<R> => {
      this.running -= 1;
      if (this.more) void this.fill();
      return promise.finally(() => {
        this.running += 1;
      });
    };
    this.options
      .run(job, { aside })
      .then(
        (output) => this.complete(job.id, output),
        (error: unknown) => this.boss.fail(this.options.name, job.id, error as object).catch(this.options.onError),
      )
      .finally(() => {
        this.running -= 1;
        if (this.running === 0) this.settled.splice(0).forEach((resolve) => resolve());
        if (this.more) void this.fill();
      });
  }

  private complete(id: string, output: unknown): void {
    this.finished.push({ id, output });
    // Everything that ends in the same turn of the event loop is completed together.
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const finished = this.finished.splice(0);
    this.flushing = undefined;
    // pg-boss completes many jobs with one output: jobs are grouped by theirs.
    const byOutput = new Map<string, { output: unknown; ids: string[] }>();
    for (const { id, output } of finished) {
      const key = JSON.stringify(output ?? null);
      const group = byOutput.get(key) ?? { output, ids: [] };
      group.ids.push(id);
      byOutput.set(key, group);
    }
    await Promise.all([...byOutput.values()].map(({ output, ids }) => this.boss.complete(this.options.name, ids, output as object).catch(this.options.onError)));
  }
}
