import { describe, expect, it } from '@jest/globals';
import { settingsOf } from './working-calendar-form';

const form = { weekdays: [5, 1, 2, 3, 4], dayStart: '09:00', dayEnd: '18:00', holidays: '', workdays: '' };

describe('working calendar form', () => {
  it('takes dates one per line or separated by commas, and sorts the weekdays', () => {
    expect(settingsOf({ ...form, holidays: '2027-01-01\n2027-02-06，2027-02-07', workdays: ' 2027-02-14 ' })).toEqual({
      settings: { weekdays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '18:00', holidays: ['2027-01-01', '2027-02-06', '2027-02-07'], workdays: ['2027-02-14'] },
    });
  });

  it('names the first date that is not a real day', () => {
    expect(settingsOf({ ...form, holidays: '2027-01-01\n2027-02-30' })).toEqual({ problem: '日期「2027-02-30」格式不对，请写成 2027-01-01' });
    expect(settingsOf({ ...form, workdays: '1月1日' })).toEqual({ problem: '日期「1月1日」格式不对，请写成 2027-01-01' });
  });

  it('refuses a working day that ends before it starts', () => {
    expect(settingsOf({ ...form, dayStart: '18:00', dayEnd: '09:00' })).toEqual({ problem: '下班时间需晚于上班时间' });
  });
});
