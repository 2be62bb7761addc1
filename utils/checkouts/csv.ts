import { serviceOf } from '../services/registry';
import { t } from '../shared/i18n';
import { type CheckoutRecord, describeState } from './record';
import { summariseUnreadable } from './unreadable';

// New columns go last (`service`, then `receipt_digest`, then `order_id`), so files read by the columns' positions still read the same.
const COLUMNS = ['created_at', 'product', 'url', 'variant', 'quantity', 'profile', 'status', 'amount', 'currency', 'notes', 'checkout_id', 'service', 'receipt_digest', 'order_id'] as const;

/** One CSV cell: quoted, and defused so a spreadsheet never runs a formula that came from a shop page. */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The purchase history as CSV (RFC 4180, CRLF line ends), with each receipt's digest and the cart order a purchase
 * was part of (empty when none); stored records that cannot be read come first, with what can still be read of them and their id.
 */
export function checkoutsToCsv(records: CheckoutRecord[], unreadable: readonly unknown[] = []): string {
  const unreadableRows = unreadable.map((entry, index) => {
    const summary = summariseUnreadable(entry, index);
    const created = summary.createdAt === null ? null : new Date(summary.createdAt).toISOString();
    return [created, summary.productName, summary.productUrl, null, null, null, t('purchaseUnreadable'), null, null, null, summary.id, summary.service, null, null].map(cell).join(',');
  });
  const rows = records.map((r) =>
    [new Date(r.createdAt).toISOString(), r.product.name, r.product.url, r.variantLabel, r.quantity, r.profileLabel, describeState(r), r.amount, r.currency, r.notes, r.checkoutId, serviceOf(r.service).name, r.receipt?.digest ?? null, r.orderId ?? null].map(cell).join(','),
  );
  return [COLUMNS.join(','), ...unreadableRows, ...rows].join('\r\n') + '\r\n';
}
