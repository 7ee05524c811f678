import { describe, expect, it } from 'vitest';
import { readPickerText } from '@/components/ui/read-picker-text';

const read = (date: string, time = '', extra: { min?: string; max?: string; isRequired?: boolean } = {}) =>
  readPickerText({ text: { date, time }, isTimed: time !== '', isRequired: false, ...extra });

describe('readPickerText', () => {
  it.each([
    ['2027-05-03', '2027-05-03'],
    ['3/5/2027', '2027-05-03'],
    ['3 May 2027', '2027-05-03'],
    ['3rd may 2027', '2027-05-03'],
    ['May 3, 2027', '2027-05-03'],
    ['3 Sept 2027', '2027-09-03'],
  ])('reads “%s” as %s, the format a date input submits', (typed, submitted) => {
    expect(read(typed)).toEqual({ ok: true, value: submitted });
  });

  it('joins a date and a time as a datetime-local input does, reading 9.30 pm on the 24-hour clock', () => {
    expect(read('3 May 2027', '9.30 pm')).toEqual({ ok: true, value: '2027-05-03T21:30' });
    expect(read('3 May 2027', '09:05')).toEqual({ ok: true, value: '2027-05-03T09:05' });
  });

  it('names a day that does not exist instead of sending nothing', () => {
    expect(read('31 February 2027')).toMatchObject({ ok: false, part: 'date', error: 'February 2027 has no day 31.' });
    expect(read('next tuesday')).toMatchObject({ ok: false, part: 'date', error: expect.stringContaining('Type it like 3 April 2025 or 2025-04-03') });
  });

  it('refuses a time it cannot read and a date without its time', () => {
    expect(read('3 May 2027', '25:00')).toMatchObject({ ok: false, part: 'time' });
    expect(readPickerText({ text: { date: '3 May 2027', time: '' }, isTimed: true, isRequired: false })).toMatchObject({ ok: false, part: 'both', error: 'Add a time as well, like 09:30.' });
  });

  it('keeps to min and max, and accepts the bounds themselves', () => {
    expect(read('2027-05-03', '', { min: '2027-05-04' })).toMatchObject({ ok: false, error: 'Choose a day on or after 4 May 2027.' });
    expect(read('2027-05-05', '', { max: '2027-05-04' })).toMatchObject({ ok: false, error: 'Choose a day on or before 4 May 2027.' });
    expect(read('2027-05-04', '', { min: '2027-05-04', max: '2027-05-04' })).toEqual({ ok: true, value: '2027-05-04' });
  });

  it('sends an empty value when nothing is typed, unless a value is required', () => {
    expect(readPickerText({ text: { date: '', time: '' }, isTimed: false, isRequired: false })).toEqual({ ok: true, value: '' });
    expect(readPickerText({ text: { date: '', time: '' }, isTimed: false, isRequired: true })).toMatchObject({ ok: false, error: 'Enter a date.' });
  });
});
