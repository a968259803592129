// Minimal PNG decoder for 8-bit greyscale/RGB/RGBA (non-interlaced), enough to check the app icons.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Width, height, bit depth and colour type from the IHDR chunk. */
export function pngInfo(buf) {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24],
    colorType: buf[25],
    interlace: buf[28],
    hasAlpha: buf[25] === 4 || buf[25] === 6,
  };
}

/** Decodes to { width, height, pixels: Array of [r,g,b,a] rows flattened } (RGBA, 0..255). */
export function decodePng(buf) {
  const info = pngInfo(buf);
  if (info.bitDepth !== 8 || !(info.colorType in CHANNELS) || info.interlace !== 0) {
    throw new Error(`unsupported PNG (bit depth ${info.bitDepth}, colour type ${info.colorType}, interlace ${info.interlace})`);
  }
  const idat = [];
  for (let p = 8; p < buf.length;) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('latin1', p + 4, p + 8);
    if (type === 'IDAT') idat.push(buf.subarray(p + 8, p + 8 + len));
    if (type === 'IEND') break;
    p += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const ch = CHANNELS[info.colorType];
  const stride = info.width * ch;
  const out = Buffer.alloc(info.height * stride);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= ch ? out[y * stride + x - ch] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= ch && y > 0 ? out[(y - 1) * stride + x - ch] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  const pixels = [];
  for (let i = 0; i < info.width * info.height; i++) {
    const s = out.subarray(i * ch, i * ch + ch);
    if (ch === 1) pixels.push([s[0], s[0], s[0], 255]);
    else if (ch === 2) pixels.push([s[0], s[0], s[0], s[1]]);
    else if (ch === 3) pixels.push([s[0], s[1], s[2], 255]);
    else pixels.push([s[0], s[1], s[2], s[3]]);
  }
  return { ...info, pixels };
}
