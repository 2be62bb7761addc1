import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PurchaseList } from '../../components/PurchaseList';
import { clearFinished, readCheckouts, updateCheckouts } from '../../utils/checkouts/store';
import { summariseUnreadable } from '../../utils/checkouts/unreadable';

const CREATED = Date.UTC(2026, 11, 6, 12, 0);
const broken = { id: 'intent-9', service: 'shoppex', state: 'bogus', createdAt: CREATED, product: { url: 'https://shop.example/p', name: 'Merino <b>Tee</b>' } };

beforeEach(() => fakeBrowser.reset());

describe('summariseUnreadable', () => {
  it('reads what it can of an entry, as plain text', () => {
    expect(summariseUnreadable(broken, 0)).toEqual({ id: 'intent-9', service: 'Shoppex', productName: 'Merino <b>Tee</b>', productUrl: 'https://shop.example/p', createdAt: CREATED });
  });

  it.each([['garbage'], [null], [42], [[1, 2]], [{ id: '', service: 'nope', product: 'x', createdAt: 1e20 }], [{ product: { name: 7, url: {} }, createdAt: Number.NaN }]])(
    'never throws on %j, and reads nothing it cannot',
    (entry) => {
      expect(summariseUnreadable(entry, 3)).toEqual({ id: 'unreadable-3', service: null, productName: null, productUrl: null, createdAt: null });
    },
  );
});

describe('the purchase list', () => {
  it('lists an unreadable record as "Could not be read, kept as is", with its product, service, date and id as plain text', () => {
    const html = renderToStaticMarkup(<PurchaseList records={[]} unreadable={[broken, 'garbage']} detailed />);
    expect(html.match(/Could not be read, kept as is/g)).toHaveLength(2);
    expect(html).toContain('Merino &lt;b&gt;Tee&lt;/b&gt;');
    expect(html).toContain('Shoppex · https://shop.example/p');
    expect(html).toContain(`dateTime="${new Date(CREATED).toISOString()}"`);
    expect(html).toContain('<code>intent-9</code>');
    expect(html).toContain('Unreadable purchase record');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('No purchases yet.');
  });
});

describe('storage', () => {
  it('a record an older version stored with a lower-case quote is readable; "Clear finished" keeps an unreadable one', async () => {
    const readable = { ...validRecord(), quoted: { amount: '29.00', currency: 'usd' } };
    await fakeBrowser.storage.local.set({ checkouts: [readable, broken] });
    const list = await readCheckouts();
    expect(list.records.map((r) => [r.id, r.state, r.quoted])).toEqual([['link-1', 'paid', { amount: '29.00', currency: 'USD' }]]);
    expect(await clearFinished(CREATED)).toBe(1);
    expect(await readCheckouts()).toEqual({ records: [], unreadable: [broken] });
  });

  it('a write sees the unreadable records and ledger entries (to count them against the limits), and keeps them', async () => {
    const brokenSpend = { id: 'spent-1', state: 'completed', amount: 12 };
    await fakeBrowser.storage.local.set({ checkouts: [broken], spendLedger: [brokenSpend] });
    const seen = await updateCheckouts((records, _ledger, unreadable) => ({ records, result: unreadable }));
    expect(seen).toEqual([broken, brokenSpend]);
    expect((await fakeBrowser.storage.local.get('checkouts')).checkouts).toEqual([broken]);
  });
});

function validRecord() {
  return {
    id: 'link-1', service: 'shoppex', intent: 'i', checkoutId: 'pay_1', checkoutUrl: null, expiresAt: null, orderLabel: '', state: 'paid', serviceStatus: 'COMPLETED',
    product: { url: 'https://shop.example/p', name: 'Merino Tee', image: null, price: '29.00', currency: 'USD' },
    variant: null, variantLabel: '', quantity: 1, maxPrice: null, maxSpend: [], profileId: 'p', profileLabel: 'Home', prompt: '',
    amount: '29.00', currency: 'USD', notes: null, lastError: null, createdAt: CREATED, updatedAt: CREATED,
    deadlineAt: CREATED, nextPollAt: null, polls: 1, errorStreak: 0, pendingNotification: null, notifications: [],
  };
}
