import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as exportRoute from '../../app/api/operator/audit/export/route.ts';
import { db } from '../../lib/db/client.ts';
import { recordPlatformAudit } from '../../lib/platform/platform-audit.ts';
import { callRoute } from '../support/app-client.ts';
import { sessionCookie } from '../support/session-cookie.ts';
import { createStaff } from '../support/factories.ts';

// The platform audit log as CSV, with the page's filters, for any member of the staff.

describe('platform audit CSV', () => {
  it('exports the filtered entries, newest first, with formulas defused; staff only', async () => {
    const marker = `t_${randomBytes(4).toString('hex')}`;
    for (const [i, action] of ['tenant.suspended', 'tenant.reactivated', 'partner.approved'].entries()) {
      await recordPlatformAudit(db, { actor: { id: 'op', email: 'op@staff.test' }, action, target: { type: 'tenant', id: marker }, reason: i === 0 ? '=cmd|" /C calc"!A0' : `Reason ${i}`, ip: '203.0.113.1', metadata: { n: i } });
    }
    const staff = await createStaff('read_only', `${marker}@staff.test`);
    const get = async (search: string, cookie: string) => callRoute(exportRoute.GET, { host: 'localhost:3100', path: `/api/operator/audit/export?${search}`, cookie });

    const csv = await get(`targetId=${marker}&action=tenant.`, await sessionCookie(staff.id, null));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="platform-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('time,actor,action,target_type,target_id,reason,ip,metadata');
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual(['tenant.reactivated', 'tenant.suspended']);
    expect(csv.text).toContain(`"'=cmd|"" /C calc""!A0"`);

    const member = await db.user.create({ data: { email: `${marker}-nobody@example.test` } });
    expect((await get(`targetId=${marker}`, await sessionCookie(member.id, null))).status).toBe(403);
    expect((await get(`targetId=${marker}`, '')).status).toBe(401);
  });
});
