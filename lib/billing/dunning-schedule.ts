// When each step of a dunning sequence happens, counted from the moment the invoice's payment
// first failed (BillingAccount.pastDueSince). startDunning schedules one delayed job per step,
// on either queue.

export type DunningStep = 'day0' | 'day3' | 'day7' | 'suspended';

const DAY_MS = 86_400_000;

/** Days after the failed payment at which each step runs. */
export const DUNNING_DAYS: Readonly<Record<DunningStep, number>> = { day0: 0, day3: 3, day7: 7, suspended: 14 };

/** The steps that run later, in order (day 0 runs at once, in startDunning). */
export const SCHEDULED_DUNNING_STEPS: readonly DunningStep[] = ['day3', 'day7', 'suspended'];

export function dunningStepDueAt(since: Date, step: DunningStep): Date {
  return new Date(since.getTime() + DUNNING_DAYS[step] * DAY_MS);
}
