import { imageTypeOf, startsWith } from './image-type';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('imageTypeOf', () => {
  it('knows PNG and JPEG by their bytes', () => {
    expect(imageTypeOf(PNG)).toBe('image/png');
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
  });

  it('refuses anything else, including truncated signatures and look-alikes', () => {
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from('GIF89a'),
      Buffer.from('%PDF-1.4'),
      PNG.subarray(0, 7),
      Buffer.from([0xff, 0xd8]),
      // a PNG signature with its line-ending bytes mangled (as by a text-mode transfer)
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0x00]),
      Buffer.concat([Buffer.from(' '), PNG]),
    ]) {
      expect(imageTypeOf(bytes)).toBeNull();
    }
  });
});

describe('startsWith', () => {
  it('compares the first bytes only, and never matches a shorter buffer', () => {
    expect(startsWith(Buffer.from('%PDF-1.7 …'), Buffer.from('%PDF-'))).toBe(true);
    expect(startsWith(Buffer.from('%PDF'), Buffer.from('%PDF-'))).toBe(false);
    expect(startsWith(Buffer.from('x%PDF-'), Buffer.from('%PDF-'))).toBe(false);
  });
});
