import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrModules, qrSvgFile } from '../../utils/shared/qr';

/** Renders modules as a grey-scale RGBA image, 4 pixels a module, and reads it back with an independent decoder. */
function decode(modules: boolean[][]): string | null {
  const scale = 4;
  const size = modules.length * scale;
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const value = modules[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      pixels.set([value, value, value, 255], (y * size + x) * 4);
    }
  }
  return jsQR(pixels, size, size)?.data ?? null;
}

describe('QR code of a checkout link', () => {
  it.each([
    'https://checkout.shoppex.io/invoice/6a1f2b3c',
    'https://checkout.shopdiddo.com/?cart_id=01JD3Z8Q7W5V2K9T4M6N8P0R1S#auth_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJncmV0ZSJ9.c2lnbmF0dXJl',
  ])('decodes back to the exact link: %s', (url) => {
    const modules = qrModules(url);
    expect(decode(modules)).toBe(url);
    // A quiet zone of 4 modules on every side, as scanners need.
    expect(modules.slice(0, 4).flat().some(Boolean)).toBe(false);
  });

  it('the SVG file draws the same modules on white', () => {
    const svg = qrSvgFile(qrModules('https://example.com/x'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('fill="#fff"');
    expect(svg).toMatch(/<path d="(M\d+ \d+h1v1h-1z)+" fill="#000"\/>/);
  });
});
