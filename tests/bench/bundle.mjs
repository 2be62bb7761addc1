// Gzip sizes of the built extension's entrypoints, and what the popup's JavaScript is made of.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipped = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The scripts an HTML page loads: its module script and every chunk it preloads. */
export function pageScripts(outDir, html) {
  const text = readFileSync(join(outDir, html), 'utf8');
  return [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
}

/** Gzip bytes of the content script, the background, and the popup's JavaScript (with the chunks it preloads). */
export function entrypointSizes(outDir) {
  const popupScripts = pageScripts(outDir, 'popup.html');
  return {
    content: gzipped(join(outDir, 'detector.js')),
    background: gzipped(join(outDir, 'background.js')),
    popup: popupScripts.reduce((sum, file) => sum + gzipped(join(outDir, file)), 0),
    popupScripts,
  };
}

/** Every script the popup can load (as `/chunks/…js`): its page's scripts and all they import, statically or on demand. */
export function popupChunks(outDir) {
  const seen = new Set();
  const queue = pageScripts(outDir, 'popup.html').map((file) => `/${file}`);
  while (queue.length) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(outDir, path), 'utf8');
    // Relative imports ("./x.js") and the preload lists of dynamic imports ("chunks/x.js").
    for (const [, file] of code.matchAll(/["'](?:\.\/|\/?chunks\/)([\w.-]+\.js)["']/g)) queue.push(`/chunks/${file}`);
  }
  return [...seen];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's mappings into, per generated line, [column, source index] pairs. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** The package (node_modules) or source folder a mapped source belongs to. */
function owner(source) {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  return source.replace(/^(\.\.\/)+/, '').replace(/\/[^/]+$/, '/') || source;
}

/**
 * What the given popup scripts are made of, by package or source folder, in gzip KB (each chunk's gzip size shared
 * out by the raw bytes each source produced). Needs the build's source maps (`SMARTCHECKOUT_SOURCEMAP=hidden`).
 */
export function popupBreakdown(outDir, scripts) {
  const totals = new Map();
  for (const script of scripts) {
    const path = join(outDir, script);
    if (!existsSync(`${path}.map`)) return ['bundle breakdown: no source maps (build with SMARTCHECKOUT_SOURCEMAP=hidden)'];
    const code = readFileSync(path, 'utf8');
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
    const scale = gzipSync(code, { level: 9 }).length / code.length;
    const codeLines = code.split('\n');
    decodeMappings(map.mappings).forEach((segments, index) => {
      const length = codeLines[index]?.length ?? 0;
      segments.forEach(([column, source], i) => {
        const bytes = (segments[i + 1]?.[0] ?? length) - column;
        const name = source < 0 ? '(generated)' : owner(map.sources[source]);
        totals.set(name, (totals.get(name) ?? 0) + bytes * scale);
      });
    });
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]).filter(([, bytes]) => bytes >= 100);
  return ['popup JS before the first card, by package or folder (gzip KB, approximate):', ...rows.map(([name, bytes]) => `   ${(bytes / 1024).toFixed(1).padStart(5)}  ${name}`)];
}
