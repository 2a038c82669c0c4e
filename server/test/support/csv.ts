/** Import files as a spreadsheet saves them (no server imports here: the browser specs use it too). */

let gbkTable: Map<string, number[]> | null = null;

/** Text as GBK bytes (what Excel on a Chinese Windows saves), built from the platform's own GBK decoder. */
export function gbkEncode(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = gbkTable.get(char);
      if (!code) throw new Error(`no GBK code for ${char}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

export const CSV_HEADER = '公司名称,行业,规模,省份,城市,等级,负责人,邮箱域名';

