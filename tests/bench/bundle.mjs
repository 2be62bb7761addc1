// Gzip sizes of the built extension's entrypoints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipped = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The scripts an HTML page loads: its module script and every chunk it preloads. */
export function pageScripts(outDir, html) {
  const text = readFileSync(join(outDir, html), 'utf8');
  return [...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
}

/** Gzip bytes of the content script, the background, and the popup's JavaScript (with the chunks it loads). */
export function entrypointSizes(outDir) {
  const popupScripts = pageScripts(outDir, 'popup.html');
  return {
    content: gzipped(join(outDir, 'detector.js')),
    background: gzipped(join(outDir, 'background.js')),
    popup: popupScripts.reduce((sum, file) => sum + gzipped(join(outDir, file)), 0),
    popupScripts,
  };
}
