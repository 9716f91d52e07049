import { describe, expect, it } from 'vitest';
import { auditCsvLine, csvField } from '../../lib/audit/audit-query.ts';

describe('audit CSV', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes one CRLF-terminated line per entry with JSON metadata', () => {
    const line = auditCsvLine({ id: 'x', createdAt: '2026-01-01T00:00:00.000Z', actorEmail: 'a@b.test', action: 'member.removed', targetType: 'user', targetId: 'u1', ip: null, metadata: { role: 'viewer' } });
    expect(line).toBe('2026-01-01T00:00:00.000Z,a@b.test,member.removed,user,u1,,"{""role"":""viewer""}"\r\n');
  });
});
