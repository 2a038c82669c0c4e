/** Mainland numbers show as 138****1234; anything shorter keeps only its last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

/** Normalises a WeChat purePhoneNumber / countryCode pair to E.164-like `+<cc><number>`. */
export function normalisePhone(purePhoneNumber: string, countryCode = '86'): string {
  return `+${countryCode.replace(/\D/g, '')}${purePhoneNumber.replace(/\D/g, '')}`;
}
