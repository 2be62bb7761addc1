import type { ReactNode } from 'react';
import { type Difference, type DifferenceKind, type Receipt, receiptDifferences, verifyReceipt } from '../utils/checkouts/receipt';
import { type CheckoutRecord, describeState, formatMoney, isLink } from '../utils/checkouts/record';
import { t, tCount, uiLanguage } from '../utils/shared/i18n';
import type { Money } from '../utils/money/money';
import { serviceOf } from '../utils/services/registry';

interface Props {
  record: CheckoutRecord;
  receipt: Receipt;
  /** Downloads the receipt as JSON; without it, no "Export receipt" button. */
  onExport?: (record: CheckoutRecord) => void;
}

const money = (m: Money | null) => (m ? `${m.amount} ${m.currency}` : t('receiptNone'));

/** A difference in one sentence. */
function describeDifference(d: Difference): string {
  switch (d.kind) {
    case 'over_ceiling':
      return t('receiptDiffOverCeiling', d.reported, d.approved);
    case 'other_currency':
      return t('receiptDiffOtherCurrency', d.reported, d.approved);
    case 'other_product':
      return t('receiptDiffOtherProduct', d.reported, d.approved);
    case 'amount_unreadable':
      return d.reported ? t('receiptDiffAmountUnreadable', d.reported) : t('receiptDiffAmountMissing');
    case 'other_amount':
      return t('receiptDiffOtherAmount', d.reported, d.approved);
  }
}

/** One row: a label, the approved value and the reported one, flagged in words when they differ. */
function Row({ label, approved, reported = '', different = false }: { label: string; approved: ReactNode; reported?: ReactNode; different?: boolean }) {
  return (
    <tr className={different ? 'receipt__row--different' : undefined}>
      <th scope="row">{label}</th>
      <td>{approved}</td>
      <td>
        {different ? <strong className="receipt__flag">{t('receiptDifferent')}</strong> : null} {reported}
      </td>
    </tr>
  );
}

/** What the user approved for a purchase, beside what the service reported; opened by itself when anything differs. */
export function ReceiptDetails({ record, receipt, onExport }: Props) {
  const differences = receiptDifferences(record);
  const altered = !verifyReceipt(receipt);
  const flagged = differences.length + (altered ? 1 : 0);
  const differs = (...kinds: DifferenceKind[]) => differences.some((d) => kinds.includes(d.kind));
  const pageDiffers = differences.some((d) => d.kind === 'other_product' && d.approved === receipt.pageUrl);
  const nameDiffers = differences.some((d) => d.kind === 'other_product' && d.approved !== receipt.pageUrl);
  const reported = record.reportedProduct;
  const variant = receipt.variant ? [receipt.variant.label, receipt.variant.sku && `SKU ${receipt.variant.sku}`].filter(Boolean).join(' · ') : t('receiptNone');

  return (
    <details className="receipt" open={flagged > 0}>
      <summary>
        {t('receiptHeading')}
        {flagged ? <span className="receipt__count"> · {tCount(flagged, 'receiptDifferencesOne', 'receiptDifferencesOther')}</span> : null}
      </summary>
      {/* Paragraphs, not a list: the history's items are the purchases themselves. */}
      {flagged ? (
        <div className="receipt__differences">
          {altered ? <p>{t('receiptAltered')}</p> : null}
          {differences.map((d, i) => (
            <p key={i}>{describeDifference(d)}</p>
          ))}
        </div>
      ) : null}
      <table className="receipt__table" aria-label={t('receiptCaption')}>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('receiptColumnApproved')}</th>
            <th scope="col">{t('receiptColumnReported')}</th>
          </tr>
        </thead>
        <tbody>
          <Row label={t('receiptRowProduct')} approved={receipt.product.name ?? t('receiptNone')} reported={reported?.name ?? ''} different={nameDiffers} />
          <Row label={t('receiptRowPage')} approved={receipt.pageUrl} reported={reported?.url ?? ''} different={pageDiffers} />
          <Row label={t('receiptRowVariant')} approved={variant} />
          <Row label={t('receiptRowQuantity')} approved={receipt.quantity} />
          <Row label={t('receiptRowListedPrice')} approved={receipt.product.price ? formatMoney(receipt.product.price, receipt.product.currency) : t('receiptNone')} />
          <Row
            label={t('receiptRowTotal')}
            approved={money(receipt.total)}
            reported={record.amount !== null ? formatMoney(record.amount, record.currency) : ''}
            different={differs('over_ceiling', 'other_currency', 'amount_unreadable', 'other_amount')}
          />
          {isLink(record) ? null : <Row label={t('receiptRowCeiling')} approved={money(receipt.ceiling)} />}
          <Row label={t('receiptRowService')} approved={serviceOf(receipt.service).name} reported={describeState(record)} />
          <Row label={t('receiptRowProfile')} approved={`${receipt.profile.label} · ${t('receiptAddressDigest', `${receipt.profile.addressDigest.slice(0, 16)}…`)}`} />
          <Row label={t('receiptRowApprovedAt')} approved={new Date(receipt.approvedAt).toLocaleString(uiLanguage())} />
          {receipt.prompt ? <Row label={t('receiptRowPrompt')} approved={<pre className="receipt__prompt">{receipt.prompt}</pre>} /> : null}
          <Row label={t('receiptRowDigest')} approved={<code className="receipt__digest">{receipt.digest}</code>} different={altered} />
        </tbody>
      </table>
      {onExport ? (
        <button type="button" className="small" onClick={() => onExport(record)}>
          {t('receiptExport')}
        </button>
      ) : null}
    </details>
  );
}
