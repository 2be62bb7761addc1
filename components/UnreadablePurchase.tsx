import { useState } from 'react';
import { summariseUnreadable, unreadableKey } from '../utils/checkouts/unreadable';
import { t, uiLanguage } from '../utils/shared/i18n';

/**
 * A stored purchase record that could not be read: listed with what can still be read of it, as plain text, so it
 * never vanishes from the history (it is kept in storage as it is, and still counts against the spending limits).
 * With `onRemove` (the history), the user may remove it after saying so twice.
 */
export function UnreadablePurchase({ entry, index, onRemove }: { entry: unknown; index: number; onRemove?: (key: string) => void }) {
  const summary = summariseUnreadable(entry, index);
  const created = summary.createdAt === null ? null : new Date(summary.createdAt);
  const [asking, setAsking] = useState(false);
  const questionId = `remove-question-${index}`;
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
      {onRemove && !asking ? (
        <div className="form-actions">
          <button type="button" onClick={() => setAsking(true)}>
            {t('purchaseRemoveRecord')}
          </button>
        </div>
      ) : null}
      {onRemove && asking ? (
        <div className="status" role="alertdialog" aria-label={t('purchaseRemoveRecord')} aria-describedby={questionId}>
          <p id={questionId}>{t('purchaseRemoveQuestion')}</p>
          <div className="form-actions">
            <button type="button" className="primary" autoFocus onClick={() => onRemove(unreadableKey(summary))}>
              {t('purchaseRemoveConfirm')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
