import { useEffect, useId, useState } from 'react';
import { t } from '../../utils/shared/i18n';
import { formatAmount, fromUnits, times } from '../../utils/money/money';
import { sendMessage } from '../../utils/messages/messages';
import { bestProductMatch } from '../../utils/services/creem/match';
import type { CreemProductOption, CreemProductsPage } from '../../utils/services/creem/order';
import type { OrderPanelProps } from './orderPanel';

/** Pages of 50 loaded before the user asks for more. */
const FIRST_PAGES = 2;

/**
 * Creem sells one of the store's own products: a picker of the active ones, preselected from a payment link on the
 * page, else from the product name, else left for the user to choose.
 */
export default function CreemOrder({ product, quantity, profile, onDraft }: OrderPanelProps) {
  const ids = { select: useId(), filter: useId(), hint: useId() };
  const [products, setProducts] = useState<CreemProductOption[]>([]);
  const [nextPage, setNextPage] = useState<number | null>(1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const linked = product.checkoutLinks.creemProducts[0] ?? null;

  async function query<T>(name: string, params: unknown): Promise<T | null> {
    try {
      const reply = await sendMessage({ type: 'service:query', service: 'creem', query: name, params, profileId: profile?.id ?? null });
      if (reply.ok) return reply.result as T;
      setError(reply.message);
    } catch {
      setError(t('connectionNoAnswer'));
    }
    return null;
  }

  async function loadPage(page: number): Promise<CreemProductOption[]> {
    const result = await query<CreemProductsPage>('products', { page });
    if (!result) return [];
    setNextPage(result.nextPage);
    setProducts((known) => [...known, ...result.items.filter((item) => !known.some((k) => k.id === item.id))]);
    return result.items;
  }

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      setLoading(true);
      const loaded: CreemProductOption[] = [];
      for (let page = 1, count = 0; page && count < FIRST_PAGES && !cancelled; count += 1) {
        const items = await loadPage(page);
        loaded.push(...items);
        if (!items.length) break;
        page += 1;
      }
      if (cancelled) return;
      // A payment link on the page names the product; it may be beyond the pages loaded.
      if (linked && !loaded.some((p) => p.id === linked)) {
        const one = await query<CreemProductOption>('product', { id: linked });
        if (one) {
          loaded.push(one);
          setProducts((known) => (known.some((k) => k.id === one.id) ? known : [...known, one]));
        }
      }
      const preselected = (linked && loaded.find((p) => p.id === linked)) || (product.name ? bestProductMatch(loaded, product.name) : null);
      setSelectedId((current) => current ?? preselected?.id ?? null);
      setLoading(false);
    })();
    return () => {
      cancelled = true;
    };
    // Loaded once per popup: the store's products do not follow the page.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const selected = products.find((p) => p.id === selectedId) ?? null;
  useEffect(() => {
    onDraft(
      selected
        ? {
            order: { productId: selected.id, label: selected.name, price: selected.price, currency: selected.currency },
            quote: { amount: fromUnits(times(selected.price, quantity)), currency: selected.currency },
          }
        : null,
    );
  }, [selected, quantity]); // eslint-disable-line react-hooks/exhaustive-deps

  const needle = filter.trim().toLowerCase();
  const shown = products.filter((p) => p.id === selectedId || !needle || p.name.toLowerCase().includes(needle));

  return (
    <div className="creem-order">
      <label htmlFor={ids.filter}>{t('creemFilter')}</label>
      <input id={ids.filter} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <label htmlFor={ids.select}>{t('creemProduct')}</label>
      <select id={ids.select} value={selectedId ?? ''} aria-describedby={ids.hint} aria-busy={loading} onChange={(e) => setSelectedId(e.target.value || null)}>
        <option value="">{loading ? t('creemLoading') : t('creemChoose')}</option>
        {shown.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} — {formatAmount(times(p.price, 1), p.currency)}
          </option>
        ))}
      </select>
      <p id={ids.hint} className="hint">
        {error ?? (selected && selected.id === linked ? t('creemFromLink') : !loading && !selected ? t('creemPickHint') : '')}
      </p>
      {nextPage && !loading ? (
        <button type="button" className="link" onClick={() => void loadPage(nextPage)}>
          {t('creemMore')}
        </button>
      ) : null}
    </div>
  );
}
