import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const QUIET_ZONE = 2;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A QR code for `text` as an 8-bit grayscale PNG about `width` pixels wide. Encoded directly
 * (one deflate call) rather than through a general PNG library: it is on the sandbox's hot path.
 */
export function qrPng(text: string, width: number): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cells = modules.size + QUIET_ZONE * 2;
  const scale = Math.max(1, Math.floor(width / cells));
  const side = cells * scale;
  const stride = side + 1;
  const raw = Buffer.alloc(stride * side, 255);
  for (let y = 0; y < side; y++) {
    raw[y * stride] = 0; // filter: none
    const my = Math.floor(y / scale) - QUIET_ZONE;
    if (my < 0 || my >= modules.size) continue;
    for (let mx = 0; mx < modules.size; mx++) {
      if (!modules.get(my, mx)) continue;
      const start = y * stride + 1 + (mx + QUIET_ZONE) * scale;
      raw.fill(0, start, start + scale);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
