import { env } from '../config/env.ts';

// The coach's provider, from COACH_API_BASE, COACH_API_KEY and COACH_MODEL (lib/config checks
// that all three or none are set). Unset: no workspace has a coach, whatever its plan says.

export interface CoachProviderConfig {
  baseURL: string;
  apiKey: string;
  model: string;
  /** The provider's host, as the data-use notice names it (never the key). */
  host: string;
}

export function coachProviderConfig(): CoachProviderConfig | null {
  const { COACH_API_BASE, COACH_API_KEY, COACH_MODEL } = env();
  if (!COACH_API_BASE || !COACH_API_KEY || !COACH_MODEL) return null;
  return { baseURL: COACH_API_BASE, apiKey: COACH_API_KEY, model: COACH_MODEL, host: new URL(COACH_API_BASE).host };
}
