import { summariseUnreadable } from '../utils/checkouts/unreadable';
import { t, uiLanguage } from '../utils/shared/i18n';

/**
 * A stored purchase record that could not be read: listed with what can still be read of it, as plain text, so it
 * never vanishes from the history (it is kept in storage as it is, and still counts against the spending limits).
 */
export function UnreadablePurchase({ entry, index }: { entry: unknown; index: number }) {
  const summary = summariseUnreadable(entry, index);
  const created = summary.createdAt === null ? null : new Date(summary.createdAt);
  return (
    <li className="purchase purchase--unreadable" data-state="unreadable" id={`purchase-${summary.id}`}>
      <div className="purchase__head">
        <span className="purchase__name">{summary.productName ?? summary.productUrl ?? t('purchaseUnreadableName')}</span>
        {created ? <time dateTime={created.toISOString()}>{created.toLocaleString(uiLanguage())}</time> : null}
      </div>
      {summary.service || (summary.productName && summary.productUrl) ? (
        <div className="purchase__meta">{[summary.service, summary.productName ? summary.productUrl : null].filter(Boolean).join(' · ')}</div>
      ) : null}
      <div className="purchase__state">{t('purchaseUnreadable')}</div>
      <div className="purchase__meta">
        {t('purchaseRecordId')} <code>{summary.id}</code>
      </div>
    </li>
  );
}
