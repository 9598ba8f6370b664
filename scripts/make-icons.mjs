#!/usr/bin/env node
// Draws the extension icon (a trunk with a branch that drifts off to the side) into PNGs at the sizes
// the stores ask for. Run once when the design changes: `node scripts/make-icons.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icon');
const BG = [17, 24, 39];
const TRUNK = [255, 210, 30];
const BRANCH = [248, 113, 113];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const s = (v) => (v / 128) * size;
  const radius = s(26);
  const trunk = [[s(44), s(108)], [s(44), s(22)]];
  const branch = [[s(44), s(70)], [s(92), s(34)]];
  const arrowA = [[s(92), s(34)], [s(70), s(34)]];
  const arrowB = [[s(92), s(34)], [s(92), s(56)]];
  const width = s(7);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bgCover = 0;
      let trunkCover = 0;
      let branchCover = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const cx = Math.min(Math.max(px, radius), size - radius);
          const cy = Math.min(Math.max(py, radius), size - radius);
          if (Math.hypot(px - cx, py - cy) > radius) continue;
          bgCover++;
          if (segmentDistance(px, py, ...trunk) <= width) trunkCover++;
          else if ([branch, arrowA, arrowB].some((seg) => segmentDistance(px, py, ...seg) <= width)) branchCover++;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const mix = (c) => Math.round((BG[c] * (bgCover - trunkCover - branchCover) + TRUNK[c] * trunkCover + BRANCH[c] * branchCover) / Math.max(bgCover, 1));
      rgba[i] = mix(0);
      rgba[i + 1] = mix(1);
      rgba[i + 2] = mix(2);
      rgba[i + 3] = Math.round((bgCover / n) * 255);
    }
  }
  return png(size, rgba);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 96, 128]) fs.writeFileSync(path.join(OUT, `${size}.png`), draw(size));
console.log(`icons written to ${OUT}`);
