import { encode } from 'uqr';

/** A QR code's modules (true = dark), with the quiet zone scanners need around it. Made locally: the link never leaves the browser. */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 4 }).data;
}

/** One SVG path drawing every dark module as a 1×1 square. */
export function qrPath(modules: boolean[][]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x} ${y}h1v1h-1z`)));
  return parts.join('');
}

/** A standalone SVG file of the QR code (black on white, crisp at any size). */
export function qrSvgFile(modules: boolean[][], pixels = 8): string {
  const size = modules.length;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * pixels}" height="${size * pixels}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${qrPath(modules)}" fill="#000"/></svg>`;
}
