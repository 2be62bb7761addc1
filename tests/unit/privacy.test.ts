import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ServiceAdapter } from '../../utils/services/adapter';
import type { Connection } from '../../utils/settings/connections';
import { createCreemAdapter } from '../../utils/services/creem/adapter';
import { createDemoAdapter } from '../../utils/services/demo/adapter';
import { createDiddoAdapter } from '../../utils/services/diddo/adapter';
import type { ServiceId } from '../../utils/services/registry';
import { createShoppexAdapter } from '../../utils/services/shoppex/adapter';
import type { Profile } from '../../utils/profiles/schema';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { createSmartcheckoutAdapter } from '../../utils/services/smartcheckout/adapter';
import { CREEM_MERINO_PRODUCT_ID, DIDDO_SINGLE_STORE_CART, startSandbox } from '../sandbox/index.mjs';
import { documentedRequests, type LoggedRequest, loggingFetch, templateOf } from './support/requestLog';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox({ completionDelayMs: 60_000 });
});
afterAll(() => sandbox.close());

/** Every optional field filled, so every field a request can carry is sent. */
const PROFILE: Profile = {
  id: 'p1',
  label: 'Home',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.org',
  phone: '+12125550123',
  address1: '350 Fifth Avenue',
  address2: 'Suite 4',
  city: 'New York',
  province: 'NY',
  postalCode: '10118',
  country: 'US',
};
const PRODUCT: ProductSnapshot = {
  url: 'http://127.0.0.1:8788/products/merino-tee?variant=4242',
  name: 'Merino Crew T-Shirt',
  image: null,
  price: '29.00',
  currency: 'USD',
  availability: null,
  sku: 'MT-BL-M',
  mpn: null,
  gtin: '00012345678905',
  brand: 'Northwind',
  variant: { id: '4242', sku: 'MT-BL-M', options: { Size: 'M', Color: 'Blue' }, label: null },
  sources: ['json-ld'],
  checkoutLinks: { creemProducts: [], diddoCarts: [] },
};
const request = { product: PRODUCT, quantity: 2, profile: PROFILE, instructions: 'Gift wrap, please.', hint: 'Merino, the blue one', maxSpend: [{ amount: '60.00', currency: 'USD' }], intentId: 'intent-1' };

function connection(service: ServiceId, baseUrl: string, apiKey: string, checkoutUrl: string | null = null): Connection {
  return { service, apiKey, baseUrl, typedBaseUrl: baseUrl, checkoutUrl, mode: null };
}

/** Runs everything the extension does with a service — connection test, the popup's reads, create, status — and logs it. */
async function exercise(service: ServiceId): Promise<LoggedRequest[]> {
  const log: Parameters<typeof loggingFetch>[0] = [];
  vi.stubGlobal('fetch', loggingFetch(log, globalThis.fetch));
  let base = '';
  try {
    switch (service) {
      case 'smartcheckout': {
        base = sandbox.apiUrl;
        const c = connection(service, base, sandbox.apiKey);
        const adapter = createSmartcheckoutAdapter() as ServiceAdapter;
        await adapter.testConnection(c);
        const created = await adapter.create(c, { ...request, order: {} });
        await adapter.status(c, created.checkoutId);
        break;
      }
      case 'shoppex': {
        base = sandbox.shoppex.baseUrl;
        const c = connection(service, base, sandbox.shoppex.apiKey);
        const adapter = createShoppexAdapter();
        await adapter.testConnection(c);
        const created = await adapter.create(c, { ...request, order: { amount: '58.00', currency: 'USD', label: 'Merino Crew T-Shirt — Size M, Color Blue' } });
        await adapter.status(c, created.checkoutId);
        break;
      }
      case 'creem': {
        base = sandbox.creem.baseUrl;
        const c = connection(service, base, sandbox.creem.apiKey);
        const adapter = createCreemAdapter();
        await adapter.testConnection(c);
        await adapter.queries!.products!.run(c, { page: 1 }, { profile: PROFILE });
        await adapter.queries!.product!.run(c, { id: CREEM_MERINO_PRODUCT_ID }, { profile: PROFILE });
        const created = await adapter.create(c, { ...request, order: { productId: CREEM_MERINO_PRODUCT_ID, label: 'Merino Crew T-Shirt', price: '29.00', currency: 'USD' } });
        await adapter.status(c, created.checkoutId);
        break;
      }
      case 'diddo': {
        base = sandbox.diddo.baseUrl;
        const c = connection(service, base, sandbox.diddo.apiKey, sandbox.diddo.checkoutBase);
        const adapter = createDiddoAdapter();
        await adapter.testConnection(c);
        const prepared = (await adapter.queries!.prepare!.run(c, { templateCartId: DIDDO_SINGLE_STORE_CART }, { profile: PROFILE })) as {
          liveCartId: string;
          paymentIntentId: string;
          currency: string;
          subtotal: string;
          stores: { methods: { id: number; price: string }[] }[];
        };
        const order = {
          templateCartId: DIDDO_SINGLE_STORE_CART,
          liveCartId: prepared.liveCartId,
          paymentIntentId: prepared.paymentIntentId,
          methods: prepared.stores.map((s) => s.methods[0]!.id),
          // The total the popup showed: the cart plus the first shipping method of each store.
          total: (Number(prepared.subtotal) + prepared.stores.reduce((sum, s) => sum + Number(s.methods[0]!.price), 0)).toFixed(2),
          currency: prepared.currency,
          label: 'Merino Crew T-Shirt',
        };
        const created = await adapter.create(c, { ...request, order });
        await adapter.status(c, created.checkoutId);
        break;
      }
      case 'demo': {
        const c = connection(service, '', '');
        const adapter = createDemoAdapter();
        await adapter.testConnection(c);
        const created = await adapter.create(c, { ...request, order: {} });
        await adapter.status(c, created.checkoutId);
        break;
      }
    }
  } finally {
    vi.unstubAllGlobals();
  }
  const basePath = base ? new URL(base).pathname.replace(/\/+$/, '') : '';
  // The variant's option names are the shop's own ("Size", "Color"): documented as `options.*`.
  const named = (field: string) => field.replace(/(variant\.options)\..+$/, '$1.*');
  return log.map(({ method, url, fields }) => ({ method, path: url.pathname.slice(basePath.length), fields: [...new Set(fields.map(named))].sort() }));
}

/** The requests as documented, merged per method and template, fields sorted: the shape both sides are compared in. */
function merged(requests: LoggedRequest[], templates: string[]): string[] {
  const byRequest = new Map<string, Set<string>>();
  for (const r of requests) {
    const key = `${r.method} ${templateOf(r.path, templates) ?? `UNDOCUMENTED ${r.path}`}`;
    const fields = byRequest.get(key) ?? new Set<string>();
    for (const f of r.fields) fields.add(f);
    byRequest.set(key, fields);
  }
  return [...byRequest].map(([key, fields]) => [key, ...[...fields].sort().map((f) => `  ${f}`)].join('\n')).sort();
}

describe('PRIVACY.md documents exactly the requests the extension sends', () => {
  beforeAll(() => fakeBrowser.reset());

  it.each(['smartcheckout', 'shoppex', 'creem', 'diddo', 'demo'] as const)('%s', async (service) => {
    const documented = documentedRequests(service);
    const templates = documented.map((r) => r.path);
    const sent = await exercise(service);
    expect(merged(sent, templates).join('\n')).toBe(merged(documented, templates).join('\n'));
  });
});
