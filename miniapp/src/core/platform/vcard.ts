/** A business card as the phone's contacts app takes it. */
export interface ContactCard {
  name: string;
  title?: string | null;
  company?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** vCard text values escape backslash, comma, semicolon and new lines (RFC 6350 §3.4). */
function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** A vCard 3.0 (what iOS and Android contacts import) for a browser, where addPhoneContact does not exist. */
export function vCardOf(card: ContactCard): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escape(card.name)}`, `N:${escape(card.name)};;;;`];
  if (card.company) lines.push(`ORG:${escape(card.company)}`);
  if (card.title) lines.push(`TITLE:${escape(card.title)}`);
  if (card.phone) lines.push(`TEL;TYPE=WORK,VOICE:${card.phone.replace(/[^\d+-]/g, '')}`);
  if (card.email) lines.push(`EMAIL;TYPE=WORK:${escape(card.email)}`);
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name for the card: the person's name without characters file systems refuse. */
export function vCardFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);
  return `${safe || 'contact'}.vcf`;
}
