import type { PlatformRole } from '@/lib/db/generated/enums';

/** Each staff role's key in the operatorStaff catalog (roles.<key>.label, roles.<key>.description). */
export const STAFF_ROLE_KEYS = { owner: 'owner', support: 'support', billing: 'billing', read_only: 'readOnly' } as const satisfies Record<PlatformRole, string>;
