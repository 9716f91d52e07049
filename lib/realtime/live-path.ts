/** Where the live stream is served (by Waypoint's server itself: lib/realtime/live-http.ts). */
export const LIVE_PATH = '/api/app/live';
