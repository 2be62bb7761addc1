import { useEffect, useId, useState } from 'react';
import { t } from '../../utils/shared/i18n';
import { fromUnits, times } from '../../utils/money/money';
import { describeVariant } from '../../utils/product/describe';
import { shoppexOrderSchema } from '../../utils/services/shoppex/order';
import type { OrderPanelProps } from './orderPanel';

/** Shoppex sells any amount: the amount (price × quantity from the page, editable; required without a price). */
export default function ShoppexOrder({ product, quantity, onDraft }: OrderPanelProps) {
  const ids = { amount: useId(), currency: useId(), error: useId() };
  const detected = product.price ? fromUnits(times(product.price, quantity)) : '';
  const [typed, setTyped] = useState<string | null>(null);
  const [currency, setCurrency] = useState(product.currency ?? '');
  const amount = typed ?? detected;
  const label = [product.name ?? product.url, describeVariant(product.variant)].filter(Boolean).join(' — ').slice(0, 250);
  const order = shoppexOrderSchema.safeParse({ amount: amount.trim().replace(',', '.'), currency: currency.trim().toUpperCase(), label });
  const tooSmall = order.success && Number(order.data.amount) < 0.01;
  const problem = !amount.trim() ? t('shoppexAmountRequired') : !order.success || tooSmall ? t('shoppexAmountInvalid') : null;

  useEffect(() => {
    onDraft(problem || !order.success ? null : { order: order.data, quote: { amount: order.data.amount, currency: order.data.currency } });
    // The parsed order is derived from these inputs; re-reporting on each render would loop.
  }, [amount, currency, label, problem]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="row money">
      <div>
        <label htmlFor={ids.amount}>{t('shoppexAmount')}</label>
        <input
          id={ids.amount}
          inputMode="decimal"
          value={amount}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? ids.error : undefined}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <div className="currency">
        <label htmlFor={ids.currency}>{t('shoppexCurrency')}</label>
        <input id={ids.currency} value={currency} maxLength={3} autoCapitalize="characters" onChange={(e) => setCurrency(e.target.value)} />
      </div>
      {problem && (typed !== null || !product.price) ? (
        <p id={ids.error} className="field-error" style={{ flexBasis: '100%' }}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
