import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../utils/checkouts/digest';
import { checkoutsToCsv } from '../../utils/checkouts/csv';
import { canonicalJson } from '../../utils/checkouts/digest';
import { addressDigest, createReceipt, type Receipt, type ReceiptInput, receiptDifferences, receiptJson, receiptSchema, verifyReceipt } from '../../utils/checkouts/receipt';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { PRODUCT, PROFILE } from './fixtures/purchase';

const APPROVED_AT = 1_700_000_000_000;
const AGENT: ReceiptInput = {
  product: PRODUCT,
  quantity: 1,
  quoted: null,
  ceiling: { amount: '30.00', currency: 'USD' },
  service: 'smartcheckout',
  profile: PROFILE,
  prompt: 'Product: "Merino Tee". Quantity: 1.\nBuyer\'s instructions:\nGift wrap.',
  approvedAt: APPROVED_AT,
};
const LINK: ReceiptInput = { ...AGENT, quantity: 2, quoted: { amount: '58.00', currency: 'USD' }, ceiling: null, service: 'shoppex', prompt: '' };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the digest', () => {
  it('is the SHA-256 of the canonical JSON of every approved field, whatever the key order', () => {
    const receipt = createReceipt(AGENT);
    // A purchase the user confirmed names no mandate, and is digested as before mandates existed.
    const { digest, mandate, ...approved } = receipt;
    expect(mandate).toBeNull();
    expect(digest).toBe(sha256(canonicalJson(approved)));
    expect(canonicalJson({ b: [1, { d: 'x', c: null }], a: 'é' })).toBe('{"a":"é","b":[1,{"c":null,"d":"x"}]}');
    expect(createReceipt({ ...AGENT, product: { ...PRODUCT } }).digest).toBe(digest);
  });

  it('names the price watch’s mandate that approved a purchase, and covers it; a receipt written before mandates still reads and verifies', () => {
    const mandate = { watchId: 'w1', ceiling: { amount: '40.00', currency: 'USD' }, signedAt: 1, until: 2 };
    const receipt = createReceipt({ ...AGENT, mandate });
    const { digest, ...approved } = receipt;
    expect(digest).toBe(sha256(canonicalJson(approved)));
    expect(verifyReceipt(receipt)).toBe(true);
    expect(verifyReceipt({ ...receipt, mandate: { ...mandate, ceiling: { amount: '400.00', currency: 'USD' } } })).toBe(false);
    const { mandate: _none, ...older } = createReceipt(AGENT);
    const read = receiptSchema.parse(older);
    expect(read.mandate).toBeNull();
    expect(verifyReceipt(read)).toBe(true);
  });

  it.each<[string, Partial<ReceiptInput>]>([
    ['page URL', { product: { ...PRODUCT, url: 'https://shop.example/products/merino-tee?variant=4243' } }],
    ['product name', { product: { ...PRODUCT, name: 'Merino Tee XL' } }],
    ['listed price', { product: { ...PRODUCT, price: '29.01' } }],
    ['currency', { product: { ...PRODUCT, currency: 'EUR' } }],
    ['variant', { product: { ...PRODUCT, variant: { ...PRODUCT.variant!, sku: 'TS-BL-L' } } }],
    ['quantity', { quantity: 2 }],
    ['ceiling', { ceiling: { amount: '30.01', currency: 'USD' } }],
    ['service', { service: 'demo' }],
    ['profile label', { profile: { ...PROFILE, label: 'Office' } }],
    ['address', { profile: { ...PROFILE, address2: 'Flat 4' } }],
    ['prompt', { prompt: `${AGENT.prompt} ` }],
    ['time', { approvedAt: APPROVED_AT + 1 }],
  ])('changes with the %s', (_field, change) => {
    expect(createReceipt({ ...AGENT, ...change }).digest).not.toBe(createReceipt(AGENT).digest);
  });

  it('changes with a checkout link quote', () => {
    expect(createReceipt({ ...LINK, quoted: { amount: '58.01', currency: 'USD' } }).digest).not.toBe(createReceipt(LINK).digest);
  });
});

describe('verifyReceipt', () => {
  it('accepts a receipt as written, and as read back from storage', () => {
    const receipt = createReceipt(AGENT);
    expect(verifyReceipt(receipt)).toBe(true);
    expect(verifyReceipt(receiptSchema.parse(JSON.parse(JSON.stringify(receipt))))).toBe(true);
  });

  it.each<[string, (r: Receipt) => Receipt]>([
    ['a higher ceiling', (r) => ({ ...r, ceiling: { amount: '300.00', currency: 'USD' } })],
    ['another quantity', (r) => ({ ...r, quantity: 3 })],
    ['another prompt', (r) => ({ ...r, prompt: 'Buy ten.' })],
    ['another address', (r) => ({ ...r, profile: { ...r.profile, addressDigest: addressDigest({ ...PROFILE, city: 'Leeds' }) } })],
    ['a digest recomputed without the ceiling', (r) => ({ ...r, ceiling: null })],
  ])('detects %s', (_name, tamper) => {
    expect(verifyReceipt(tamper(createReceipt(AGENT)))).toBe(false);
  });
});

describe('the address', () => {
  it('is kept as a digest only: different addresses give different digests, and no address text is in the receipt', () => {
    expect(addressDigest(PROFILE)).toMatch(/^[0-9a-f]{64}$/);
    expect(addressDigest({ ...PROFILE, postalCode: 'SW1Y 4JJ' })).not.toBe(addressDigest(PROFILE));
    expect(addressDigest({ ...PROFILE, label: 'Renamed' })).toBe(addressDigest(PROFILE));
    const stored = JSON.stringify(createReceipt(AGENT));
    for (const part of ['Lovelace', "St James's Square", 'Flat 3', 'London', 'SW1Y 4JH', 'ada@example.com', '+442071234567']) expect(stored).not.toContain(part);
    expect(createReceipt(AGENT).profile).toEqual({ label: 'Home', addressDigest: addressDigest(PROFILE) });
  });
});

describe('totals', () => {
  it('an agent purchase approves the listed price × quantity; a checkout link its quote', () => {
    expect(createReceipt({ ...AGENT, quantity: 3 }).total).toEqual({ amount: '87.00', currency: 'USD' });
    expect(createReceipt({ ...AGENT, product: { ...PRODUCT, price: null } }).total).toBeNull();
    expect(createReceipt(LINK).total).toEqual({ amount: '58.00', currency: 'USD' });
  });
});

function recordFor(input: ReceiptInput, overrides: Partial<CheckoutRecord>): CheckoutRecord {
  return {
    id: 'r', service: input.service, intent: 'i', checkoutId: 'co-1', checkoutUrl: null, expiresAt: null, quoted: input.quoted, orderLabel: '', state: 'completed', serviceStatus: null,
    product: { url: PRODUCT.url, name: PRODUCT.name, image: null, price: PRODUCT.price, currency: PRODUCT.currency },
    variant: PRODUCT.variant, variantLabel: 'Size M, Color Blue', quantity: input.quantity, maxPrice: null, maxSpend: [], allowance: { daily: null, monthly: null },
    ceiling: input.ceiling, reportedProduct: null, confirmedRequest: null, drift: null, startNote: null, receipt: createReceipt(input), profileId: PROFILE.id, profileLabel: 'Home', prompt: input.prompt,
    amount: '29.00', currency: 'USD', notes: null, lastError: null, createdAt: APPROVED_AT, updatedAt: APPROVED_AT,
    pollingSince: null, deadlineAt: APPROVED_AT, nextPollAt: null, polls: 1, errorStreak: 0, pendingNotification: null, notifications: [], seen: true,
    ...overrides,
  };
}

describe('receiptDifferences', () => {
  const same = { url: 'https://shop.example/products/merino-tee/?utm_source=mail&variant=4242', name: '  merino   TEE ' };
  it.each<[string, ReceiptInput, Partial<CheckoutRecord>, unknown[]]>([
    ['nothing different (same product, other tracking and case)', AGENT, { reportedProduct: same }, []],
    ['still processing: nothing reported yet', AGENT, { state: 'processing', amount: null, currency: null }, []],
    ['charged over the ceiling', AGENT, { amount: '31.00' }, [{ kind: 'over_ceiling', approved: '30.00 USD', reported: '31.00 USD' }]],
    ['charged in another currency', AGENT, { currency: 'EUR' }, [{ kind: 'other_currency', approved: 'USD', reported: 'EUR' }]],
    ['another variant', AGENT, { reportedProduct: { ...same, url: 'https://shop.example/products/merino-tee?variant=4243' } }, [{ kind: 'other_product', approved: PRODUCT.url, reported: 'https://shop.example/products/merino-tee?variant=4243' }]],
    ['another product name', AGENT, { reportedProduct: { url: null, name: 'Wool Socks' } }, [{ kind: 'other_product', approved: 'Merino Tee', reported: 'Wool Socks' }]],
    ['an amount that cannot be read', AGENT, { amount: 'about 30' }, [{ kind: 'amount_unreadable', approved: '29.00 USD', reported: 'about 30 USD' }]],
    ['completed without an amount', AGENT, { amount: null, currency: null }, [{ kind: 'amount_unreadable', approved: '29.00 USD', reported: '' }]],
    ['a link paid another amount', LINK, { state: 'paid', amount: '60.00' }, [{ kind: 'other_amount', approved: '58.00 USD', reported: '60.00 USD' }]],
    ['a link paid its quote', LINK, { state: 'paid', amount: '58.00' }, []],
  ])('%s', (_name, input, overrides, expected) => {
    expect(receiptDifferences(recordFor(input, overrides))).toEqual(expected);
  });

  it('a purchase without a receipt has none', () => {
    expect(receiptDifferences(recordFor(AGENT, { receipt: null, amount: '99.00' }))).toEqual([]);
  });
});

describe('receiptJson', () => {
  it('exports the receipt with its digest, what was reported and the differences, never a link fragment', () => {
    const record = recordFor(LINK, { state: 'paid', amount: '60.00', checkoutUrl: 'https://pay.example/ch-1#auth_token=secret-token' });
    const text = receiptJson(record);
    expect(text).not.toContain('secret-token');
    const exported = JSON.parse(text);
    expect(verifyReceipt(receiptSchema.parse(exported.receipt))).toBe(true);
    expect(exported.reported).toEqual({ state: 'paid', amount: '60.00', currency: 'USD', checkoutId: 'co-1', checkoutUrl: 'https://pay.example/ch-1#…', product: null });
    expect(exported.differences).toEqual([{ kind: 'other_amount', approved: '58.00 USD', reported: '60.00 USD' }]);
  });

  it('anyone can check the digest over the exported fields themselves (a receipt without a mandate exports none)', () => {
    const { digest, ...approved } = JSON.parse(receiptJson(recordFor(AGENT, {}))).receipt;
    expect('mandate' in approved).toBe(false);
    expect(digestOf(approved)).toBe(digest);
  });
});

describe('the CSV export', () => {
  it('ends each row with the receipt digest, empty for a purchase recorded before receipts', () => {
    const withReceipt = recordFor(AGENT, {});
    const [header, first, second] = checkoutsToCsv([withReceipt, { ...withReceipt, id: 'old', receipt: null }]).split('\r\n');
    expect(header!.split(',').slice(-3)).toEqual(['service', 'receipt_digest', 'order_id']);
    expect(first).toMatch(new RegExp(`,"Smartcheckout","${withReceipt.receipt!.digest}",""$`));
    expect(second).toMatch(/,"Smartcheckout","",""$/);
  });
});
