import { describe, expect, it } from 'vitest';
import { TenantScopeError, scopeArgs } from '../../lib/db/tenant-db.ts';

describe('scopeArgs', () => {
  it('ANDs the tenant onto every where, keeping unique fields at the top level', () => {
    expect(scopeArgs('Domain', 'findMany', {}, 't1')).toEqual({ where: { AND: [{ tenantId: 't1' }] } });
    expect(scopeArgs('Domain', 'findUnique', { where: { id: 'd1' } }, 't1')).toEqual({ where: { id: 'd1', AND: [{ tenantId: 't1' }] } });
    expect(scopeArgs('Domain', 'deleteMany', { where: { tenantId: 't2' } }, 't1')).toEqual({ where: { tenantId: 't2', AND: [{ tenantId: 't1' }] } });
    expect(scopeArgs('Domain', 'findMany', { where: { AND: { hostname: 'x' } } }, 't1')).toEqual({ where: { AND: [{ hostname: 'x' }, { tenantId: 't1' }] } });
    expect(scopeArgs('Tenant', 'findFirst', { where: { id: 't2' } }, 't1')).toEqual({ where: { id: 't2', AND: [{ id: 't1' }] } });
  });

  it('sets the tenant on creates', () => {
    expect(scopeArgs('AuditLog', 'create', { data: { action: 'x' } }, 't1')).toEqual({ data: { action: 'x', tenantId: 't1' } });
    expect(scopeArgs('AuditLog', 'createMany', { data: [{ action: 'a' }, { action: 'b' }] }, 't1')).toEqual({
      data: [
        { action: 'a', tenantId: 't1' },
        { action: 'b', tenantId: 't1' },
      ],
    });
  });

  it('refuses to move or create rows in another tenant', () => {
    expect(() => scopeArgs('Domain', 'create', { data: { tenantId: 't2' } }, 't1')).toThrow(TenantScopeError);
    expect(() => scopeArgs('Domain', 'update', { where: { id: 'd' }, data: { tenantId: 't2' } }, 't1')).toThrow(TenantScopeError);
    expect(() => scopeArgs('Domain', 'create', { data: { tenant: { connect: { id: 't2' } } } }, 't1')).toThrow(TenantScopeError);
    expect(() => scopeArgs('Tenant', 'create', { data: {} }, 't1')).toThrow(TenantScopeError);
  });

  it('refuses platform-wide models', () => {
    expect(() => scopeArgs('User', 'findMany', {}, 't1')).toThrow(/not tenant-owned/);
  });
});
