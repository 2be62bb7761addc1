import { formatAmount } from '../money/money';
import { normaliseCurrency } from '../product/price';
import { sameProduct } from '../product/url';
import { chargedAmount, overAllowance } from './limits';
import type { CheckoutRecord } from './record';

/** How a completion differs from what the user approved: an alert, never a plain "Completed". */
export type CompletionAlert =
  | { kind: 'over'; charged: string; excess: string; allowed: string }
  | { kind: 'currency'; charged: string; approved: string }
  | { kind: 'product'; reported: string; approved: string };

type Completed = Pick<CheckoutRecord, 'amount' | 'currency' | 'maxSpend' | 'maxPrice' | 'ceiling' | 'product' | 'reportedProduct'>;

/**
 * Whether a completed purchase went past what was approved: charged above its ceiling, charged in another currency
 * than the one approved, or reported by the service as another product than the page approved. Null when none
 * (or when the charge cannot be read: that is its own warning).
 */
export function completionAlert(record: Completed): CompletionAlert | null {
  const over = overAllowance(record);
  if (over) return { kind: 'over', ...over };
  const charged = chargedAmount(record);
  const approved = record.ceiling?.currency ?? (record.product.currency ? normaliseCurrency(record.product.currency) : null);
  if (charged && approved && charged.currency !== approved) return { kind: 'currency', charged: formatAmount(charged.units, charged.currency), approved };
  const reported = record.reportedProduct?.url;
  if (reported && !sameProduct(reported, record.product.url)) return { kind: 'product', reported: reported.slice(0, 300), approved: record.product.url };
  return null;
}
