/**
 * The extension's own demo product page (`demo.html`, and its images under `/demo/`), in any browser. Its product
 * is bought only through the demo service; nothing else accepts an extension address.
 */
export function isDemoPageUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') && (url.pathname === '/demo.html' || url.pathname.startsWith('/demo/'));
  } catch {
    return false;
  }
}
