import type { ReactNode } from 'react';
import { completionAlert } from '../utils/checkouts/alert';
import { hasOddAmount } from '../utils/checkouts/limits';
import { describeOffer } from '../utils/checkouts/reread';
import { describeOrder } from '../utils/checkouts/orderEnd';
import { type CheckoutRecord, checkoutName, describeState, formatMoney, isLink } from '../utils/checkouts/record';
import { t, uiLanguage } from '../utils/shared/i18n';
import { isSimulated, serviceOf } from '../utils/services/registry';
import { CheckoutHandoff } from './CheckoutHandoff';
import { UnreadablePurchase } from './UnreadablePurchase';

interface Props {
  records: CheckoutRecord[];
  onCheckAgain?: (id: string) => void;
  onResolve?: (id: string) => void;
  /** History view: show the product link, notes and checkout id with a copy button. */
  detailed?: boolean;
  onCopyId?: (checkoutId: string) => void;
  /** Id of a record to highlight (e.g. the one a notification pointed at). */
  highlightId?: string | null;
  /** Where "Link copied." is said (the page's status line); without it, checkout links offer no actions here. */
  onNotice?: (text: string) => void;
  /** More about a purchase, under it (the history's receipt); passed in so the popup never loads it. */
  renderMore?: (record: CheckoutRecord) => ReactNode;
  /** Stored entries that could not be read: each listed as such, with what can still be read of it. */
  unreadable?: unknown[];
  /** Removes an unreadable entry (the history), named by `unreadableKey`. */
  onRemoveUnreadable?: (key: string) => void;
}

/** Purchases, newest first, each with its state: amount once completed, the service's notes once failed. */
export function PurchaseList({ records, unreadable = [], onRemoveUnreadable, ...rest }: Props) {
  if (!records.length && !unreadable.length) return <p className="muted">{t('purchasesNone')}</p>;
  return (
    <ul className="purchases">
      {unreadable.map((entry, index) => (
        <UnreadablePurchase key={`unreadable-${index}`} entry={entry} index={index} onRemove={onRemoveUnreadable} />
      ))}
      {groupByOrder(records).map((group) =>
        group.orderId ? (
          <li key={group.orderId} className="purchase purchase--order">
            <div className="purchase__state purchase__order">{describeOrder(group.records)}</div>
            <ul className="purchases">
              {group.records.map((record) => (
                <PurchaseItem key={record.id} record={record} {...rest} />
              ))}
            </ul>
          </li>
        ) : (
          <PurchaseItem key={group.records[0]!.id} record={group.records[0]!} {...rest} />
        ),
      )}
    </ul>
  );
}

/** A cart order's items together, as one entry; other purchases each on their own, in the list's order. */
function groupByOrder(records: CheckoutRecord[]): { orderId: string | null; records: CheckoutRecord[] }[] {
  const groups: { orderId: string | null; records: CheckoutRecord[] }[] = [];
  const byOrder = new Map<string, CheckoutRecord[]>();
  for (const record of records) {
    const orderId = record.orderId ?? null;
    const group = orderId ? byOrder.get(orderId) : undefined;
    if (group) group.push(record);
    else {
      groups.push({ orderId, records: [record] });
      if (orderId) byOrder.set(orderId, groups[groups.length - 1]!.records);
    }
  }
  for (const group of groups) group.records.sort((a, b) => (a.orderIndex ?? 0) - (b.orderIndex ?? 0));
  return groups;
}

/** One purchase with its state and what the user can do about it. */
function PurchaseItem({ record, onCheckAgain, onResolve, detailed, onCopyId, highlightId, onNotice, renderMore }: Omit<Props, 'records' | 'unreadable' | 'onRemoveUnreadable'> & { record: CheckoutRecord }) {
  return (
    <li
      id={`purchase-${record.id}`}
      tabIndex={record.id === highlightId ? -1 : undefined}
      className={`purchase purchase--${record.state}${record.id === highlightId ? ' purchase--highlight' : ''}`}
      data-state={record.state}
      aria-current={record.id === highlightId ? true : undefined}
    >
      <div className="purchase__head">
        {detailed ? (
          <a className="purchase__name" href={record.product.url} target="_blank" rel="noreferrer noopener">
            {checkoutName(record)}
          </a>
        ) : (
          <span className="purchase__name">{checkoutName(record)}</span>
        )}
        <time dateTime={new Date(record.createdAt).toISOString()}>{new Date(record.createdAt).toLocaleString(uiLanguage())}</time>
      </div>
      <div className="purchase__meta">
        {isSimulated(record.service) ? <span className="demo-mark">{t('demoMark')}</span> : null}
        {[isSimulated(record.service) ? '' : serviceOf(record.service).name, record.variantLabel, t('quantityShort', record.quantity), record.profileLabel].filter(Boolean).join(' · ')}
      </div>
      <div className="purchase__state">{describeState(record)}</div>
      {record.quoted && isLink(record) && record.state !== 'paid' ? <div className="purchase__meta">{t('linkAmount', `${record.quoted.amount} ${record.quoted.currency}`)}</div> : null}
      {onNotice && isLink(record) && record.state === 'processing' ? <CheckoutHandoff record={record} onNotice={onNotice} /> : null}
      <AmountWarning record={record} />
      {record.state === 'not_sent' && record.drift ? (
        <div className="purchase__alert">{t('purchaseNotSentDrift', describeOffer(record.drift.before, record.quantity), describeOffer(record.drift.after, record.quantity))}</div>
      ) : null}
      {record.state === 'not_sent' && !record.drift && record.lastError ? <div className="purchase__alert">{record.lastError}</div> : null}
      {record.ceiling && !isLink(record) && record.state !== 'not_sent' ? <div className="purchase__meta">{t('purchaseCeiling', `${record.ceiling.amount} ${record.ceiling.currency}`)}</div> : null}
      {record.startNote ? <div className="purchase__meta">{record.startNote}</div> : null}
      {record.lastError && record.state === 'processing' ? <div className="purchase__error">{t('purchaseLastCheck', record.lastError)}</div> : null}
      {detailed && record.notes && record.state !== 'failed' ? <div className="purchase__meta">{t('purchaseNotes', record.notes)}</div> : null}
      {detailed && record.checkoutId ? (
        <div className="purchase__meta">
          {t('purchaseCheckoutId')} <code>{record.checkoutId}</code>{' '}
          {onCopyId ? (
            <button type="button" className="small" onClick={() => onCopyId(record.checkoutId!)}>
              {t('purchaseCopyId')}
            </button>
          ) : null}
        </div>
      ) : null}
      {record.state === 'stopped' && onCheckAgain ? (
        <button type="button" onClick={() => onCheckAgain(record.id)}>
          {t('buttonCheckAgain')}
        </button>
      ) : null}
      {record.state === 'outcome_unknown' && onResolve ? (
        <button type="button" onClick={() => onResolve(record.id)}>
          {t('purchaseMarkResolved')}
        </button>
      ) : null}
      {renderMore?.(record)}
    </li>
  );
}

/**
 * An alert when a completion went past what was approved (above its ceiling, another currency, another product),
 * a warning when its amount cannot be read.
 */
function AmountWarning({ record }: { record: CheckoutRecord }) {
  if (record.state !== 'completed') return null;
  const alert = completionAlert(record);
  if (alert?.kind === 'over') return <div className="purchase__alert">{t('purchaseOverAllowance', alert.charged, alert.excess, alert.allowed)}</div>;
  if (alert?.kind === 'currency') return <div className="purchase__alert">{t('purchaseOtherCurrency', alert.charged, alert.approved)}</div>;
  if (alert?.kind === 'product') return <div className="purchase__alert">{t('purchaseOtherProduct', alert.reported)}</div>;
  if (hasOddAmount(record)) return <div className="purchase__alert">{t('purchaseOddAmount', formatMoney(record.amount ?? '', record.currency))}</div>;
  return null;
}
