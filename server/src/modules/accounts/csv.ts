/**
 * Reading a spreadsheet export: the bytes as text (UTF-8 with or without BOM; otherwise GBK, which
 * is what Excel on a Chinese Windows saves), then RFC 4180 records (quoted fields may hold commas,
 * quotes and line breaks). Each record keeps the file line it starts on, for error messages.
 */

export type CsvEncoding = 'utf-8' | 'gbk';

export function decodeSpreadsheet(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk' };
  }
}

export interface CsvRecord {
  /** The file line the record starts on (1-based). */
  line: number;
  cells: string[];
}

/** Records of a CSV text; blank lines are left out. Throws on an unterminated quote. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) throw new Error(`unterminated quote in the record starting on line ${start}`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
