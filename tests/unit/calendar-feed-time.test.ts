import { describe, expect, it } from 'vitest';
import { habitRecurrence } from '../../lib/integrations/calendar-feed/habit-reminders.ts';
import { vtimezone } from '../../lib/integrations/calendar-feed/vtimezone.ts';
import { instantOf, knownZone, offsetChanges } from '../../lib/integrations/calendar-feed/zone-time.ts';

describe('zone arithmetic for the calendar feed', () => {
  it('places a local time on the right instant on both sides of a change', () => {
    expect(instantOf('Europe/Berlin', '2027-03-27', 9, 0).toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(instantOf('Europe/Berlin', '2027-03-28', 9, 0).toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(instantOf('Australia/Adelaide', '2027-01-10', 9, 0).toISOString()).toBe('2027-01-09T22:30:00.000Z');
    expect(instantOf('UTC', '2027-01-10', 9, 0).toISOString()).toBe('2027-01-10T09:00:00.000Z');
  });

  it('finds offset changes to the minute, and none where there are none', () => {
    const berlin = offsetChanges('Europe/Berlin', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'));
    expect(berlin).toEqual([
      { at: new Date('2027-03-28T01:00:00Z'), from: 60, to: 120 },
      { at: new Date('2027-10-31T01:00:00Z'), from: 120, to: 60 },
    ]);
    expect(offsetChanges('Asia/Kolkata', new Date('2027-01-01T00:00:00Z'), new Date('2027-12-31T00:00:00Z'))).toEqual([]);
  });

  it('writes VTIMEZONEs with local DTSTARTs at the old offset', () => {
    const berlin = vtimezone('Europe/Berlin', new Date('2027-06-01T00:00:00Z'));
    expect(berlin).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT');
    expect(berlin).toContain('BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD');
    expect(vtimezone('Asia/Kolkata', new Date('2027-06-01T00:00:00Z'))).toBe(
      'BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE',
    );
  });

  it('counts an unknown zone as UTC', () => {
    expect(knownZone('Mars/Olympus')).toBe('UTC');
    expect(knownZone(null)).toBe('UTC');
    expect(knownZone('America/Chicago')).toBe('America/Chicago');
  });
});

describe('habit reminder rules', () => {
  it('start on the first scheduled day and list the days Monday first', () => {
    // 2027-01-07 is a Thursday.
    expect(habitRecurrence({ schedule: 'daily', scheduleDays: [] }, '2027-01-07')).toEqual({ rule: 'FREQ=DAILY', firstDate: '2027-01-07' });
    expect(habitRecurrence({ schedule: 'weekly_days', scheduleDays: [0, 3, 1] }, '2027-01-07')).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=MO,WE,SU', firstDate: '2027-01-10' });
    expect(habitRecurrence({ schedule: 'times_per_week', scheduleDays: [] }, '2027-01-07')).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=MO', firstDate: '2027-01-11' });
    expect(habitRecurrence({ schedule: 'weekly_days', scheduleDays: [] }, '2027-01-07')).toBeNull();
  });
});
