export const TENANT_DB_ALLOW_LIST: { reason: string; files: string[] }[];
