import { useEffect, useState } from 'react';
import { PurchaseList } from '../../components/PurchaseList';
import { useCheckouts } from '../../components/useStored';
import { checkoutsToCsv } from '../../utils/checkouts/csv';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { sendMessage } from '../../utils/messages';

const FILTERS: { value: string; label: string; states: CheckoutRecord['state'][] | null }[] = [
  { value: 'all', label: 'All purchases', states: null },
  { value: 'processing', label: 'In progress', states: ['starting', 'processing'] },
  { value: 'completed', label: 'Completed', states: ['completed'] },
  { value: 'failed', label: 'Failed', states: ['failed'] },
  { value: 'attention', label: 'Needs attention', states: ['outcome_unknown', 'not_found', 'stopped'] },
  { value: 'resolved', label: 'Resolved', states: ['resolved'] },
];
const FINISHED: CheckoutRecord['state'][] = ['completed', 'failed', 'resolved', 'not_found'];

function highlightedPurchase(): string | null {
  const match = location.hash.match(/^#purchase-(.+)$/);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** The purchase history: filter, check again, copy ids, export CSV, clear finished ones. */
export function PurchasesSection() {
  const checkouts = useCheckouts();
  const [filter, setFilter] = useState('all');
  const [highlight, setHighlight] = useState(highlightedPurchase);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const onHash = () => {
      setHighlight(highlightedPurchase());
      setFilter('all');
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
  const shown = states ? checkouts.records.filter((r) => states.includes(r.state)) : checkouts.records;
  const finished = checkouts.records.filter((r) => FINISHED.includes(r.state)).length;

  function exportCsv() {
    const blob = new Blob([checkoutsToCsv(shown)], { type: 'text/csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'smartcheckout-purchases.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  async function copy(checkoutId: string) {
    try {
      await navigator.clipboard.writeText(checkoutId);
      setNotice('Checkout ID copied.');
    } catch {
      setNotice(`Could not copy; the checkout ID is ${checkoutId}`);
    }
  }

  async function clear() {
    const reply = await sendMessage({ type: 'checkouts:clear-finished' });
    setConfirmingClear(false);
    setNotice(`Cleared ${reply.removed} finished purchase${reply.removed === 1 ? '' : 's'}.`);
  }

  return (
    <section aria-labelledby="purchases-heading">
      <h2 id="purchases-heading">Purchases</h2>
      <div className="form-actions">
        <label htmlFor="purchase-filter" className="inline">
          Show
        </label>
        <select id="purchase-filter" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 'auto' }}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={exportCsv} disabled={!shown.length}>
          Export CSV
        </button>
        <button type="button" onClick={() => setConfirmingClear(true)} disabled={!finished}>
          Clear finished purchases
        </button>
      </div>
      {confirmingClear ? (
        <div className="status" role="alertdialog" aria-label="Clear finished purchases" aria-describedby="clear-question">
          <p id="clear-question">
            Clear {finished} finished purchase{finished === 1 ? '' : 's'} from this history? This cannot be undone; purchases in progress are kept.
          </p>
          <div className="form-actions">
            <button type="button" className="primary" autoFocus onClick={() => void clear()}>
              Clear
            </button>
            <button type="button" onClick={() => setConfirmingClear(false)}>
              Cancel
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
      />
      {checkouts.unreadable.length ? (
        <p className="error">{checkouts.unreadable.length} stored purchase record(s) could not be read; they are kept unchanged.</p>
      ) : null}
    </section>
  );
}
