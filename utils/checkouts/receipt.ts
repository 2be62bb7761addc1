import { type Money, moneyOf, moneySchema, parseAmount, toUnits } from '../money/money';
import { describeVariant } from '../product/describe';
import type { ProductSnapshot } from '../product/snapshot';
import { sameProduct } from '../product/url';
import { type Profile, toShippingAddress } from '../profiles/schema';
import type { ServiceId } from '../services/registry';
import { digestOf } from './digest';
import { chargedAmount } from './limits';
import { type CheckoutRecord, formatMoney, isLink, maskedLink } from './record';
import { type Receipt, receiptSchema } from './receiptSchema';

// The schema lives in its own file so pages that only read records (the popup) do not load SHA-256.
export { type Receipt, receiptSchema };

export interface ReceiptInput {
  product: Pick<ProductSnapshot, 'url' | 'name' | 'price' | 'currency' | 'variant'>;
  quantity: number;
  /** What a checkout link's customer is to pay, as shown before creating (ignored for agent purchases). */
  quoted: Money | null;
  ceiling: Money | null;
  service: ServiceId;
  profile: Profile;
  prompt: string;
  approvedAt: number;
  /** The price watch's mandate that approved it (a watch buying on its own); absent otherwise. */
  mandate?: Receipt['mandate'];
}

/** The fields the digest covers: a receipt without a mandate is digested as before mandates existed. */
function digestedFields(receipt: Omit<Receipt, 'digest'>): object {
  const { mandate, ...rest } = receipt;
  return mandate ? receipt : rest;
}

/** The SHA-256 of a profile's shipping address, in the form it is sent to a service. */
export function addressDigest(profile: Profile): string {
  return digestOf(toShippingAddress(profile));
}

/** The listed price × quantity, or null when the page gave no price or currency (or the total is too large to keep). */
function listedTotal(product: ReceiptInput['product'], quantity: number): Money | null {
  const price = parseAmount(product.price);
  if (!price || product.currency === null) return null;
  const total = moneySchema.safeParse(moneyOf(price.units * quantity, product.currency));
  return total.success ? total.data : null;
}

/** A receipt for what the user approved, with its digest. Synchronous: it is made inside the store's serialised update. */
export function createReceipt(input: ReceiptInput): Receipt {
  const { product, quantity } = input;
  const variant = product.variant;
  const approved: Omit<Receipt, 'digest'> = {
    version: 1,
    pageUrl: product.url,
    product: { name: product.name, price: product.price, currency: product.currency },
    variant: variant ? { label: describeVariant(variant), id: variant.id, sku: variant.sku } : null,
    quantity,
    total: isLink({ service: input.service }) ? input.quoted : listedTotal(product, quantity),
    ceiling: input.ceiling,
    service: input.service,
    profile: { label: input.profile.label, addressDigest: addressDigest(input.profile) },
    prompt: input.prompt,
    approvedAt: input.approvedAt,
    mandate: input.mandate ?? null,
  };
  return { ...approved, digest: digestOf(digestedFields(approved)) };
}

/** True when the receipt's digest matches its fields (it was not changed since it was written). */
export function verifyReceipt(receipt: Receipt): boolean {
  const { digest, ...approved } = receipt;
  return digestOf(digestedFields(approved)) === digest;
}

/** Ways what the service reported can differ from what the user approved. */
export type DifferenceKind = 'over_ceiling' | 'other_currency' | 'other_product' | 'amount_unreadable' | 'other_amount';

/** One difference, with the approved and the reported value in words (e.g. "30.00 USD"). */
export interface Difference {
  kind: DifferenceKind;
  approved: string;
  reported: string;
}

const money = (m: Money) => `${m.amount} ${m.currency}`;

const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** Where what the service reported for `record` differs from its receipt; empty without a receipt or any difference. */
export function receiptDifferences(record: CheckoutRecord): Difference[] {
  const receipt = record.receipt;
  if (!receipt) return [];
  const differences: Difference[] = [];
  const reported = record.reportedProduct;
  if (reported?.url && !sameProduct(reported.url, receipt.pageUrl)) {
    differences.push({ kind: 'other_product', approved: receipt.pageUrl, reported: reported.url });
  }
  if (reported?.name && receipt.product.name && !sameName(reported.name, receipt.product.name)) {
    differences.push({ kind: 'other_product', approved: receipt.product.name, reported: reported.name });
  }

  // A charge is reported once a purchase completed or a link was paid, or whenever the service gave an amount.
  const reportsCharge = record.state === 'completed' || record.state === 'paid' || record.amount !== null;
  if (!reportsCharge) return differences;
  const charged = chargedAmount(record);
  if (!charged) {
    differences.push({ kind: 'amount_unreadable', approved: receipt.total ? money(receipt.total) : '', reported: formatMoney(record.amount ?? '', record.currency) });
    return differences;
  }
  const chargedText = `${moneyOf(charged.units, charged.currency).amount} ${charged.currency}`;
  const approvedCurrency = receipt.ceiling?.currency ?? receipt.total?.currency ?? null;
  if (approvedCurrency && charged.currency !== approvedCurrency) {
    differences.push({ kind: 'other_currency', approved: approvedCurrency, reported: charged.currency });
  }
  if (receipt.ceiling && charged.currency === receipt.ceiling.currency && charged.units > toUnits(receipt.ceiling.amount)) {
    differences.push({ kind: 'over_ceiling', approved: money(receipt.ceiling), reported: chargedText });
  }
  if (isLink(record) && receipt.total && charged.currency === receipt.total.currency && charged.units !== toUnits(receipt.total.amount)) {
    differences.push({ kind: 'other_amount', approved: money(receipt.total), reported: chargedText });
  }
  return differences;
}

/** The receipt as exported (pretty JSON): what was approved, what the service reported, and how they differ. */
export function receiptJson(record: CheckoutRecord): string {
  const reported = {
    state: record.state,
    amount: record.amount,
    currency: record.currency,
    checkoutId: record.checkoutId,
    // The fragment of a checkout link may hold the customer's token: never exported.
    checkoutUrl: record.checkoutUrl ? maskedLink(record.checkoutUrl) : null,
    product: record.reportedProduct,
  };
  // Exactly the fields the digest covers (no empty mandate), so anyone can check it over the file's own fields.
  const receipt = record.receipt ? (({ digest, ...approved }) => ({ ...digestedFields(approved), digest }))(record.receipt) : null;
  return `${JSON.stringify({ receipt, reported, differences: receiptDifferences(record) }, null, 2)}\n`;
}

/** A file name for a purchase's receipt: `receipt-<id>.json`, with anything but letters, digits, - and _ replaced. */
export function receiptFileName(record: Pick<CheckoutRecord, 'id'>): string {
  return `receipt-${record.id.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}
