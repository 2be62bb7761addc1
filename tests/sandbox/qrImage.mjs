// A QR-looking image for the sandbox (finder squares plus a pattern derived from the text): a valid PNG or
// SVG, small and deterministic. It is not a scannable code; the sandbox only needs a real image at the URL.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const SIZE = 25;

function matrix(text) {
  const bits = createHash('sha256').update(text).digest();
  const grid = Array.from({ length: SIZE }, (_, y) => Array.from({ length: SIZE }, (_, x) => ((bits[(y * SIZE + x) % 32] >> (x % 8)) & 1) === 1));
  for (const [left, top] of [[0, 0], [SIZE - 7, 0], [0, SIZE - 7]]) {
    for (let y = -1; y <= 7; y++) {
      for (let x = -1; x <= 7; x++) {
        const gx = left + x;
        const gy = top + y;
        if (gx < 0 || gy < 0 || gx >= SIZE || gy >= SIZE) continue;
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
        grid[gy][gx] = ring !== 2 && ring !== 4;
      }
    }
  }
  return grid;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG of the pattern, 4 pixels a module, with a quiet zone. */
export function qrPng(text, scale = 4, quiet = 4) {
  const grid = matrix(text);
  const side = (SIZE + quiet * 2) * scale;
  const rows = [];
  for (let py = 0; py < side; py++) {
    const row = Buffer.alloc(side + 1); // filter byte 0, then one byte a pixel
    const y = Math.floor(py / scale) - quiet;
    for (let px = 0; px < side; px++) {
      const x = Math.floor(px / scale) - quiet;
      row[px + 1] = y >= 0 && x >= 0 && y < SIZE && x < SIZE && grid[y][x] ? 0 : 255;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The same pattern as SVG. */
export function qrSvg(text, quiet = 4) {
  const grid = matrix(text);
  const side = SIZE + quiet * 2;
  const cells = [];
  grid.forEach((row, y) => row.forEach((on, x) => on && cells.push(`M${x + quiet} ${y + quiet}h1v1h-1z`)));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 4}" height="${side * 4}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${cells.join('')}"/></svg>`;
}
