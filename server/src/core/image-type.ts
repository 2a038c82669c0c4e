/** The image types uploads may be: what posters and the mini-program can draw. */
export type ImageType = 'image/png' | 'image/jpeg';

const SIGNATURES: { type: ImageType; magic: Buffer }[] = [
  { type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
];

/** What the bytes say they are (their magic number), whatever the upload declared; null for anything else. */
export function imageTypeOf(bytes: Buffer): ImageType | null {
  return SIGNATURES.find((s) => startsWith(bytes, s.magic))?.type ?? null;
}

export function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
