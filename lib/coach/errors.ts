import { AppError } from '../http/problem.ts';

// The coach's refusals, each with its registered code (lib/http/error-codes.ts).

export const coachNotConfigured = () => new AppError(404, 'coach_not_configured', 'The AI coach is not set up on this installation.');

export const coachDisabled = () => new AppError(409, 'coach_disabled', 'The AI coach is off in this workspace. An owner or admin can turn it on under Settings → Coach.');

export const coachBudgetExhausted = (resets: string) =>
  new AppError(429, 'coach_budget_exhausted', `This workspace has used all its AI coach tokens for this period; they renew on ${resets}.`);

export const coachProviderFailed = () => new AppError(502, 'coach_provider_error', 'The AI coach could not answer just now. Try again in a moment.');
