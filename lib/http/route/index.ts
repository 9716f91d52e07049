// The route builders, one per door, and what specs use. Every route under app/api is made
// with one of them (tests/integration/route-table.test.ts checks).
export { apiRoute } from './api-route.ts';
export { operatorRoute } from './operator-route.ts';
export { id, oneOf, segments, token } from './params.ts';
export { partnerRoute } from './partner-route.ts';
export { platformRoute } from './platform-route.ts';
export { resellerRoute } from './reseller-route.ts';
export { workspaceRoute } from './workspace-route.ts';
