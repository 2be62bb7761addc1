// The detector's part in the page: it collects what the page states (texts, attributes, its JSON-LD product nodes,
// the price elements near the heading) and nothing more. What they mean (prices, currencies, identifiers, names,
// which source wins) is decided by the extension (`productFromReport`), so the script injected into the page stays
// small, and a report is checked against its schema before anything reads it.
import { type CheckoutLinkCandidate, checkoutLinkCandidates } from './checkoutLinks';
import { collectJsonLd, type JsonLdFacts } from './jsonLd';
import { collectMicrodata, collectMicrodataCurrency, type MicrodataFacts } from './microdata';
import { collectMetaTags } from './openGraph';
import { readAmazon } from './platforms/amazon';
import { readBigCommerce } from './platforms/bigcommerce';
import { collectGeneric, type GenericFacts } from './platforms/generic';
import { readMagento } from './platforms/magento';
import { readShopify } from './platforms/shopify';
import type { PlatformFacts } from './platforms/types';
import { readWooCommerce } from './platforms/woocommerce';
import { REPORT_LIMITS } from './reportLimits';
import { collectDeclaredUrls, type DeclaredUrls } from './url';

/** What the detector reports about a page: what the page states, as written. */
export interface PageReport {
  pageUrl: string;
  title: string;
  lang: string | null;
  /** Open Graph, `product:` and content-language meta tags, the first of each. */
  meta: [string, string][];
  declaredUrls: DeclaredUrls;
  jsonLd: JsonLdFacts;
  microdata: MicrodataFacts | null;
  /** A currency any microdata offer on the page declares. */
  microdataCurrency: string | null;
  /** The first platform whose marks the page carries. */
  platform: PlatformFacts | null;
  generic: GenericFacts;
  /** The variant id in the page's add-to-cart form. */
  cartId: string | null;
  checkoutLinkCandidates: CheckoutLinkCandidate[];
}

const ADAPTERS = [readAmazon, readShopify, readWooCommerce, readMagento, readBigCommerce];

/** What `doc` (at `pageUrl`) states about its product. Pure: reads the document, touches nothing. */
export function collectReport(doc: Document, pageUrl: string): PageReport {
  const url = new URL(pageUrl);
  const meta = collectMetaTags(doc);
  const { facts: jsonLd, names } = collectJsonLd(doc, pageUrl);
  const microdata = collectMicrodata(doc);
  let platform: PlatformFacts | null = null;
  for (const adapter of ADAPTERS) {
    platform = adapter(doc, url);
    if (platform) break;
  }
  const ogTitle = meta.find(([key]) => key === 'og:title')?.[1];
  // What the sources call the product: the heading that matches them is the product's.
  const references = (jsonLdName: string | null) => [platform?.name, jsonLdName, microdata?.name, ogTitle, doc.title].filter((r): r is string => !!r);
  return {
    pageUrl,
    title: doc.title,
    lang: doc.documentElement.getAttribute('lang'),
    meta,
    declaredUrls: collectDeclaredUrls(doc),
    jsonLd,
    microdata,
    microdataCurrency: collectMicrodataCurrency(doc),
    platform,
    generic: collectGeneric(doc, names, references),
    cartId: doc.querySelector<HTMLInputElement | HTMLSelectElement>('form[action*="/cart" i] [name="id"]')?.value ?? null,
    checkoutLinkCandidates: checkoutLinkCandidates(doc, pageUrl),
  };
}

/** The report as the detector returns it: JSON text (which keeps the order of options), every text cut to the report's bound. */
export function reportJson(report: PageReport): string {
  return JSON.stringify(report, (key, value: unknown) => (typeof value === 'string' && value.length > REPORT_LIMITS.text && key !== 'pageUrl' ? value.slice(0, REPORT_LIMITS.text) : value));
}
