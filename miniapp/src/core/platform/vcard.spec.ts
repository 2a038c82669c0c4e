import { describe, expect, it } from '@jest/globals';
import { vCardFileName, vCardOf } from './vcard';

describe('vCardOf', () => {
  it('writes a vCard 3.0 with the fields that are there', () => {
    const text = vCardOf({ name: '王敏', title: '销售总监', company: '云启科技', phone: '138 1234 5678', email: 'wm@example.com' });
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:王敏',
      'N:王敏;;;;',
      'ORG:云启科技',
      'TITLE:销售总监',
      'TEL;TYPE=WORK,VOICE:13812345678',
      'EMAIL;TYPE=WORK:wm@example.com',
      'END:VCARD',
      '',
    ]);
  });

  it('leaves out missing fields and escapes separators', () => {
    const text = vCardOf({ name: 'Li, Na; Jr', company: null, phone: '010-12345678' });
    expect(text).toContain('FN:Li\\, Na\\; Jr');
    expect(text).toContain('TEL;TYPE=WORK,VOICE:010-12345678');
    expect(text).not.toContain('ORG:');
    expect(text).not.toContain('EMAIL');
  });

  it('names the file after the person, safely', () => {
    expect(vCardFileName('王 敏')).toBe('王敏.vcf');
    expect(vCardFileName('a/b:c')).toBe('abc.vcf');
    expect(vCardFileName('  ')).toBe('contact.vcf');
  });
});
