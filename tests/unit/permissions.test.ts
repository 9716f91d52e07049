import { describe, expect, it } from 'vitest';
import { PERMISSIONS, can, type Permission } from '../../lib/members/permissions.ts';

// The table as the product describes it: owner everything; admin members, teams, settings,
// integrations; member their own goals and habits, progress, teams; viewer read only.
const EXPECTED: Record<Permission, string[]> = {
  'workspace.read': ['owner', 'admin', 'member', 'viewer'],
  'goals.write': ['owner', 'admin', 'member'],
  'habits.write': ['owner', 'admin', 'member'],
  'teams.join': ['owner', 'admin', 'member'],
  'teams.manage': ['owner', 'admin'],
  'members.manage': ['owner', 'admin'],
  'settings.manage': ['owner', 'admin'],
  'integrations.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'billing.manage': ['owner'],
  'owners.manage': ['owner'],
  'tenant.delete': ['owner'],
  'support_access.manage': ['owner'],
  'workspace.export': ['owner'],
};

describe('permission table', () => {
  it('matches the product rules for every role and permission', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [permission, roles] of Object.entries(EXPECTED) as [Permission, string[]][]) {
      for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
        expect(can(role, permission), `${role} ${permission}`).toBe(roles.includes(role));
      }
    }
  });

  it('gives the owner every permission and the viewer only reading', () => {
    expect((Object.keys(PERMISSIONS) as Permission[]).every((p) => can('owner', p))).toBe(true);
    expect((Object.keys(PERMISSIONS) as Permission[]).filter((p) => can('viewer', p))).toEqual(['workspace.read']);
  });
});
