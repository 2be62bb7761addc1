// The plain baseline the detector is compared with: the first structured-data source that names a product
// (JSON-LD, then Open Graph, then microdata), taken as it is. Runs inside the page (serialised by Playwright).
export function baselineExtract() {
  const result = { url: location.href, name: null, price: null, currency: null, variant: null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue;
    }
    const nodes = [].concat(data, data && data['@graph'] ? data['@graph'] : []);
    const product = nodes.find((n) => n && [].concat(n['@type']).includes('Product'));
    if (product) {
      const offer = [].concat(product.offers ?? [])[0] ?? {};
      const canonical = document.querySelector('link[rel="canonical"]')?.href;
      return { ...result, url: canonical || location.href, name: product.name ?? null, price: offer.price != null ? String(offer.price) : null, currency: offer.priceCurrency ?? null, variant: product.sku ? { id: null, sku: String(product.sku), options: {} } : null };
    }
  }
  const og = (p) => document.querySelector(`meta[property="${p}"]`)?.content ?? null;
  if (og('og:title')) return { ...result, url: og('og:url') || location.href, name: og('og:title'), price: og('product:price:amount') ?? og('og:price:amount'), currency: og('product:price:currency') ?? og('og:price:currency') };
  const item = document.querySelector('[itemtype*="schema.org/Product"]');
  if (item) {
    const prop = (name) => {
      const el = item.querySelector(`[itemprop="${name}"]`);
      return el ? el.getAttribute('content') ?? el.textContent.trim() : null;
    };
    return { ...result, name: prop('name'), price: prop('price'), currency: prop('priceCurrency') };
  }
  return result;
}
