import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PurchaseList } from '../../components/PurchaseList';
import { checkoutsToCsv } from '../../utils/checkouts/csv';
import { clearFinished, readCheckouts, removeUnreadable, updateCheckouts } from '../../utils/checkouts/store';
import { summariseUnreadable, unreadableKey } from '../../utils/checkouts/unreadable';

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

describe('removing an unreadable record', () => {
  it('removes only the entry the history showed, keeping readable records and the other unreadable ones', async () => {
    const readable = validRecord();
    await fakeBrowser.storage.local.set({ checkouts: [readable, 'garbage', broken] });
    expect(await removeUnreadable(unreadableKey(summariseUnreadable(broken, 1)))).toBe(true);
    expect(await readCheckouts()).toEqual({ records: [expect.objectContaining({ id: 'link-1' })], unreadable: ['garbage'] });
  });

  it('removes nothing when the entry it names moved or changed meanwhile (a stand-in id alone is not enough)', async () => {
    await fakeBrowser.storage.local.set({ checkouts: [{ product: { name: 'A' } }, { product: { name: 'B' } }] });
    // The view showed "B" second; "A" was removed elsewhere since, so "B" is first now and its stand-in id changed.
    const shownKey = unreadableKey(summariseUnreadable({ product: { name: 'B' } }, 1));
    await fakeBrowser.storage.local.set({ checkouts: [{ product: { name: 'B' } }, { product: { name: 'C' } }] });
    expect(await removeUnreadable(shownKey)).toBe(false);
    expect((await readCheckouts()).unreadable).toHaveLength(2);
  });

  it('asks before removing: the history shows "Remove record", never the removal itself at once', () => {
    const html = renderToStaticMarkup(<PurchaseList records={[]} unreadable={[broken]} detailed onRemoveUnreadable={() => {}} />);
    expect(html).toContain('>Remove record</button>');
    expect(html).not.toContain('Remove for good');
    expect(renderToStaticMarkup(<PurchaseList records={[]} unreadable={[broken]} />)).not.toContain('Remove record');
  });
});

describe('CSV export', () => {
  it('lists unreadable records first, with what can be read of them and their id', () => {
    const [header, first] = checkoutsToCsv([], [broken]).split('\r\n');
    expect(header).toContain('created_at');
    expect(first).toBe(`"${new Date(CREATED).toISOString()}","Merino <b>Tee</b>","https://shop.example/p","","","","Could not be read, kept as is","","","","intent-9","Shoppex","",""`);
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
