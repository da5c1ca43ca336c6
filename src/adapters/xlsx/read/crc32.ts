/**
 * CRC-32 (the zip/PNG polynomial 0xEDB88320), computed incrementally over a part's decompressed
 * bytes as they stream past, so every entry the reader reads is checked against the checksum its
 * archive declares. Slicing-by-8 tables: eight bytes per step, which keeps the check to a small
 * fraction of inflating (hundreds of MB a second). fflate keeps its CRC internal, hence this.
 */
const TABLES: Int32Array = (() => {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** Running CRC-32: `update` with each chunk, then `value()` (an unsigned 32-bit number). */
export class Crc32 {
  private crc = -1;

  update(bytes: Uint8Array): void {
    const t = TABLES;
    let c = this.crc;
    let at = 0;
    const length = bytes.length;
    const fast = length - (length % 8);
    while (at < fast) {
      const lo = c ^ (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24));
      c =
        t[1792 + (lo & 0xff)] ^
        t[1536 + ((lo >>> 8) & 0xff)] ^
        t[1280 + ((lo >>> 16) & 0xff)] ^
        t[1024 + (lo >>> 24)] ^
        t[768 + bytes[at + 4]] ^
        t[512 + bytes[at + 5]] ^
        t[256 + bytes[at + 6]] ^
        t[bytes[at + 7]];
      at += 8;
    }
    while (at < length) c = t[(c ^ bytes[at++]) & 0xff] ^ (c >>> 8);
    this.crc = c;
  }

  value(): number {
    return (this.crc ^ 0xffffffff) >>> 0;
  }
}

/** CRC-32 of one buffer. */
export function crc32(bytes: Uint8Array): number {
  const crc = new Crc32();
  crc.update(bytes);
  return crc.value();
}
