import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** What a phone camera would read from a PNG QR code. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

export function pngOfDataUrl(dataUrl: string): Buffer {
  if (!dataUrl.startsWith('data:image/png;base64,')) throw new Error(`not a PNG data URL: ${dataUrl.slice(0, 30)}`);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}
