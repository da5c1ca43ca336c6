#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icons (a rising bar chart with a tick: "gains, checked") and writes them to
 * assets/icon-<size>.png. Node only: a small vector rasteriser with supersampled anti-aliasing and
 * a hand-written PNG encoder on zlib, so the icons can be rebuilt anywhere without image tools.
 *
 *   node scripts/make-icons.js            write assets/icon-*.png
 *   node scripts/make-icons.js --check    exit 1 if any committed icon differs from a fresh drawing
 *
 * The drawing is deterministic, so the committed PNGs are exactly what this script produces.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Sizes Office uses for ribbon buttons at each display scale (16/32/80 required, the rest optional), plus 128 for listings. */
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const ASSETS_DIR = path.join(__dirname, "..", "assets");
const SUPERSAMPLES = 16; // per axis: 256 samples a pixel gives smooth edges even at 16 px

// GOV.UK-like palette: dark teal for the bars, GOV.UK green for the tick ("passed").
const COLOURS = {
  barLight: [0x4f, 0xa3, 0x9d],
  barMid: [0x1d, 0x7d, 0x78],
  barDark: [0x00, 0x5a, 0x5b],
  tick: [0x00, 0x70, 0x3c],
};

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes straight (non-premultiplied) 8-bit RGBA pixels as a PNG (colour type 6, no interlace). */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter "None": icons are tiny, so simplicity beats a few bytes
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- shapes (pixel coordinates)

/** A rectangle whose top corners are rounded by radius r (bars sit flat on the baseline). */
function topRoundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    if (y >= y0 + r) return true;
    const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
    const dx = x - cx;
    const dy = y - (y0 + r);
    return dx * dx + dy * dy <= r * r;
  };
}

/** A stroked polyline with round joins and caps: the union of capsules around each segment. */
function strokedPolyline(points, halfWidth) {
  const segments = [];
  for (let i = 1; i < points.length; i++) segments.push([points[i - 1], points[i]]);
  const r2 = halfWidth * halfWidth;
  return (x, y) =>
    segments.some(([[ax, ay], [bx, by]]) => {
      const vx = bx - ax;
      const vy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      const dx = x - (ax + t * vx);
      const dy = y - (ay + t * vy);
      return dx * dx + dy * dy <= r2;
    });
}

// ---------------------------------------------------------------- the design

/**
 * Lays the icon out on the pixel grid of one size. Bar edges land on whole pixels so the bars stay
 * crisp at 16-32 px; the tick is drawn on the diagonal, where anti-aliasing does the work.
 * Returns layers painted in order; an "erase" layer cuts a transparent gap round the tick.
 */
function layout(size) {
  const s = size / 32; // the design is drawn on a 32-unit grid
  const px = (v) => Math.round(v * s);
  const margin = size <= 20 ? 1 : px(2);
  const inner = size - 2 * margin;
  const gap = Math.max(1, Math.round(inner * 0.1));
  const barWidth = Math.floor((inner - 2 * gap) / 3);
  const left = Math.round((size - (3 * barWidth + 2 * gap)) / 2);
  const bottom = size - margin;
  const heights = [0.38, 0.6, 0.86].map((f) => Math.round(f * inner));
  const radius = Math.max(0.5, barWidth * 0.18);
  const barColours = [COLOURS.barLight, COLOURS.barMid, COLOURS.barDark];
  const layers = heights.map((h, i) => {
    const x0 = left + i * (barWidth + gap);
    return { colour: barColours[i], inside: topRoundedRect(x0, bottom - h, x0 + barWidth, bottom, radius) };
  });
  // The tick fills the empty top-left triangle above the short bars.
  const stroke = Math.max(1.6, size * 0.105);
  const tick = [
    [margin + stroke * 0.55, size * 0.33],
    [size * 0.25, size * 0.33 + size * 0.16],
    [size * 0.52, Math.max(margin + stroke / 2, size * 0.12)],
  ];
  layers.push({ erase: true, inside: strokedPolyline(tick, stroke / 2 + Math.max(1, size * 0.045)) });
  layers.push({ colour: COLOURS.tick, inside: strokedPolyline(tick, stroke / 2) });
  return layers;
}

/** Rasterises the layers with SUPERSAMPLES x SUPERSAMPLES samples a pixel; returns straight RGBA. */
function render(size) {
  const layers = layout(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = pxl + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let colour = null;
          for (const layer of layers) {
            if (!layer.inside(x, y)) continue;
            colour = layer.erase ? null : layer.colour;
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            covered++;
          }
        }
      }
      const o = (py * size + pxl) * 4;
      if (covered > 0) {
        // Every shape is opaque, so averaging the covered samples gives the straight colour.
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main(argv) {
  const checkOnly = argv.includes("--check");
  let stale = 0;
  if (!checkOnly) fs.mkdirSync(ASSETS_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(ASSETS_DIR, `icon-${size}.png`);
    const png = render(size);
    if (checkOnly) {
      const current = fs.existsSync(file) ? fs.readFileSync(file) : null;
      if (!current || !current.equals(png)) {
        process.stderr.write(`icons: ${path.relative(process.cwd(), file)} is missing or out of date; run npm run icons\n`);
        stale++;
      }
    } else {
      fs.writeFileSync(file, png);
    }
  }
  if (checkOnly) {
    if (stale > 0) return 1;
    process.stdout.write(`icons: all ${ICON_SIZES.length} icons match the drawing\n`);
    return 0;
  }
  process.stdout.write(`icons: wrote ${ICON_SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { ICON_SIZES, encodePng, crc32, render };
