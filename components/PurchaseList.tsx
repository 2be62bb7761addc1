import type { ReactNode } from 'react';
import { completionAlert } from '../utils/checkouts/alert';
import { hasOddAmount } from '../utils/checkouts/limits';
import { describeOffer } from '../utils/checkouts/reread';
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
export function PurchaseList({ records, onCheckAgain, onResolve, detailed, onCopyId, highlightId, onNotice, renderMore, unreadable = [], onRemoveUnreadable }: Props) {
  if (!records.length && !unreadable.length) return <p className="muted">{t('purchasesNone')}</p>;
  return (
    <ul className="purchases">
      {unreadable.map((entry, index) => (
        <UnreadablePurchase key={`unreadable-${index}`} entry={entry} index={index} onRemove={onRemoveUnreadable} />
      ))}
      {records.map((record) => (
        <li
          key={record.id}
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
      ))}
    </ul>
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
