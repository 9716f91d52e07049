/** Set by proxy.ts only (any client-sent copy is removed first): the resolved tenant's id. */
export const TENANT_ID_HEADER = 'x-waypoint-tenant-id';
