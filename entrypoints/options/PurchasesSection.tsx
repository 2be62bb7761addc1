import { useEffect, useState } from 'react';
import { PurchaseList } from '../../components/PurchaseList';
import { ReceiptDetails } from '../../components/ReceiptDetails';
import { useCheckouts } from '../../components/useStored';
import { type MessageKey, t, tCount } from '../../utils/shared/i18n';
import { checkoutsToCsv } from '../../utils/checkouts/csv';
import { receiptFileName, receiptJson } from '../../utils/checkouts/receipt';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { finishedEntries } from '../../utils/checkouts/store';
import { SERVICE_IDS, serviceOf, type ServiceId } from '../../utils/services/registry';
import { sendMessage } from '../../utils/messages/messages';

const FILTERS: { value: string; label: MessageKey; states: CheckoutRecord['state'][] | null }[] = [
  { value: 'all', label: 'filterAll', states: null },
  { value: 'processing', label: 'filterInProgress', states: ['starting', 'processing'] },
  { value: 'completed', label: 'filterCompleted', states: ['completed'] },
  { value: 'paid', label: 'filterPaid', states: ['paid'] },
  { value: 'failed', label: 'filterFailed', states: ['failed'] },
  { value: 'ended', label: 'filterEnded', states: ['expired', 'cancelled', 'voided', 'refunded', 'reversed', 'disputed'] },
  { value: 'attention', label: 'filterAttention', states: ['outcome_unknown', 'not_found', 'stopped'] },
  { value: 'resolved', label: 'filterResolved', states: ['resolved'] },
];

function highlightedPurchase(): string | null {
  const match = location.hash.match(/^#purchase-(.+)$/);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The purchase history: filter, check again, copy ids, export CSV, clear finished ones. */
export function PurchasesSection() {
  const checkouts = useCheckouts();
  const [filter, setFilter] = useState('all');
  const [service, setService] = useState<ServiceId | 'all'>('all');
  const [highlight, setHighlight] = useState(highlightedPurchase);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const onHash = () => {
      setHighlight(highlightedPurchase());
      setFilter('all');
      setService('all');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!highlight || !checkouts) return;
    const entry = document.getElementById(`purchase-${highlight}`);
    entry?.scrollIntoView({ block: 'center' });
    entry?.focus();
  }, [highlight, checkouts]);

  if (!checkouts) return null;
  const states = FILTERS.find((f) => f.value === filter)?.states ?? null;
  const shown = checkouts.records.filter((r) => (!states || states.includes(r.state)) && (service === 'all' || r.service === service));
  const services = SERVICE_IDS.filter((id) => checkouts.records.some((r) => r.service === id));
  // Counted as the history lists them: a cart order once.
  const finished = finishedEntries(checkouts.records).entries;

  const unreadable = checkouts.unreadable;
  function exportCsv() {
    download(new Blob([checkoutsToCsv(shown, unreadable)], { type: 'text/csv' }), 'smartcheckout-purchases.csv');
  }

  function exportReceipt(record: CheckoutRecord) {
    download(new Blob([receiptJson(record)], { type: 'application/json' }), receiptFileName(record));
  }

  async function copy(checkoutId: string) {
    try {
      await navigator.clipboard.writeText(checkoutId);
      setNotice(t('purchaseIdCopied'));
    } catch {
      setNotice(t('purchaseIdNotCopied', checkoutId));
    }
  }

  async function removeUnreadable(key: string) {
    const reply = await sendMessage({ type: 'checkouts:remove-unreadable', key });
    setNotice(t(reply.removed ? 'purchaseRemoved' : 'purchaseNotRemoved'));
  }

  async function clear() {
    const reply = await sendMessage({ type: 'checkouts:clear-finished' });
    setConfirmingClear(false);
    setNotice(tCount(reply.removed, 'clearedOne', 'clearedOther'));
  }

  return (
    <section aria-labelledby="purchases-heading">
      <h2 id="purchases-heading">{t('purchasesHeading')}</h2>
      <div className="form-actions">
        <label htmlFor="purchase-filter" className="inline">
          {t('purchasesShow')}
        </label>
        <select id="purchase-filter" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 'auto' }}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {t(f.label)}
            </option>
          ))}
        </select>
        {services.length > 1 ? (
          <>
            <label htmlFor="purchase-service" className="inline">
              {t('purchasesService')}
            </label>
            <select id="purchase-service" value={service} onChange={(e) => setService(e.target.value as ServiceId | 'all')} style={{ width: 'auto' }}>
              <option value="all">{t('filterAllServices')}</option>
              {services.map((id) => (
                <option key={id} value={id}>
                  {serviceOf(id).name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <button type="button" onClick={exportCsv} disabled={!shown.length && !checkouts.unreadable.length}>
          {t('purchasesExportCsv')}
        </button>
        <button type="button" onClick={() => setConfirmingClear(true)} disabled={!finished}>
          {t('purchasesClearFinished')}
        </button>
      </div>
      {confirmingClear ? (
        <div className="status" role="alertdialog" aria-label={t('purchasesClearFinished')} aria-describedby="clear-question">
          <p id="clear-question">
            {tCount(finished, 'clearQuestionOne', 'clearQuestionOther')}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" autoFocus onClick={() => void clear()}>
              {t('purchasesClear')}
            </button>
            <button type="button" onClick={() => setConfirmingClear(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status">{notice}</p>
      <PurchaseList
        records={shown}
        detailed
        highlightId={highlight}
        onCopyId={(id) => void copy(id)}
        onCheckAgain={(id) => void sendMessage({ type: 'checkout:recheck', id })}
        onResolve={(id) => void sendMessage({ type: 'checkout:resolve', id })}
        onNotice={setNotice}
        renderMore={(record) => (record.receipt ? <ReceiptDetails record={record} receipt={record.receipt} onExport={exportReceipt} /> : null)}
        unreadable={checkouts.unreadable}
        onRemoveUnreadable={(key) => void removeUnreadable(key)}
      />
      {checkouts.unreadable.length ? (
        <p className="error">{tCount(checkouts.unreadable.length, 'unreadableOne', 'unreadableOther')}</p>
      ) : null}
    </section>
  );
}

/** Saves `blob` as `fileName` through the browser's downloads, as a link the user clicked would. */
function download(blob: Blob, fileName: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
