import { useEffect, useState } from 'react';
import { useStored } from '../../components/useStored';
import { type MessageKey, t } from '../../utils/shared/i18n';
import { type Money, moneySchema } from '../../utils/money/money';
import { limitsCurrency, type Safety, settingsStorage } from '../../utils/settings/settings';
import { ShippingAllowanceFields } from './ShippingAllowanceFields';

type LimitKey = 'maxPrice' | 'dailyLimit' | 'monthlyLimit';
type Draft = Record<LimitKey, { amount: string; currency: string }>;

const LIMITS: { key: LimitKey; label: MessageKey; hint: MessageKey }[] = [
  { key: 'maxPrice', label: 'safetyMaxPrice', hint: 'safetyMaxPriceHint' },
  { key: 'dailyLimit', label: 'safetyDaily', hint: 'safetyDailyHint' },
  { key: 'monthlyLimit', label: 'safetyMonthly', hint: 'safetyMonthlyHint' },
];

const toDraft = (money: Money | null) => ({ amount: money?.amount ?? '', currency: money?.currency ?? 'USD' });

/** Parses one limit: empty amount means no limit. */
function parseLimit(value: { amount: string; currency: string }): { money: Money | null } | { error: string } {
  const amount = value.amount.trim().replace(',', '.');
  if (!amount) return { money: null };
  const parsed = moneySchema.safeParse({ amount, currency: value.currency.trim().toUpperCase() });
  return parsed.success ? { money: parsed.data } : { error: parsed.error.issues[0]!.path[0] === 'currency' ? t('safetyCurrencyInvalid') : t('safetyAmountInvalid') };
}

/** Confirmation and spending limits. Each change is saved as soon as it is valid. */
export function SafetySettings() {
  const settings = useStored(settingsStorage);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<LimitKey, string>>>({});
  const [saved, setSaved] = useState('');
  // Shown at once when clicked; the stored value follows a moment later.
  const [confirmEach, setConfirmEach] = useState<boolean | null>(null);

  useEffect(() => {
    if (settings && !draft) {
      const { maxPrice, dailyLimit, monthlyLimit } = settings.safety;
      setDraft({ maxPrice: toDraft(maxPrice), dailyLimit: toDraft(dailyLimit), monthlyLimit: toDraft(monthlyLimit) });
    }
  }, [settings, draft]);
  if (!settings || !draft) return null;

  async function save(change: Partial<Safety>) {
    const current = await settingsStorage.get();
    await settingsStorage.set({ ...current, safety: { ...current.safety, ...change } });
    setSaved(t('safetySaved'));
  }

  function editLimit(key: LimitKey, part: 'amount' | 'currency', value: string) {
    const next = { ...draft!, [key]: { ...draft![key], [part]: value } };
    setDraft(next);
    const result = parseLimit(next[key]);
    if ('error' in result) {
      setErrors((e) => ({ ...e, [key]: result.error }));
      setSaved('');
      return;
    }
    setErrors((e) => ({ ...e, [key]: undefined }));
    void save({ [key]: result.money });
  }

  return (
    <section aria-labelledby="safety-heading">
      <h2 id="safety-heading">{t('safetyHeading')}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={confirmEach ?? settings.safety.confirmEachPurchase}
          onChange={(e) => {
            setConfirmEach(e.target.checked);
            void save({ confirmEachPurchase: e.target.checked });
          }}
        />
        {t('safetyConfirmEach')}
      </label>
      {LIMITS.map(({ key, label, hint }) => (
        <div key={key}>
          <label htmlFor={`${key}-amount`}>{t(label)}</label>
          <div className="row money">
            <input
              id={`${key}-amount`}
              inputMode="decimal"
              placeholder={t('safetyNoLimit')}
              value={draft[key].amount}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={`${key}-hint${errors[key] ? ` ${key}-error` : ''}`}
              onChange={(e) => editLimit(key, 'amount', e.target.value)}
            />
            <input
              aria-label={t('safetyCurrencyOf', t(label))}
              className="currency"
              maxLength={3}
              list="currencies"
              value={draft[key].currency}
              onChange={(e) => editLimit(key, 'currency', e.target.value.toUpperCase())}
            />
          </div>
          <p id={`${key}-hint`} className="hint">
            {t(hint)}
          </p>
          {errors[key] ? (
            <p id={`${key}-error`} className="field-error">
              {errors[key]}
            </p>
          ) : null}
        </div>
      ))}
      <ShippingAllowanceFields allowance={settings.safety.shippingAllowance} currency={limitsCurrency(settings.safety)} onSave={(shippingAllowance) => save({ shippingAllowance })} onInvalid={() => setSaved('')} />
      <datalist id="currencies">
        {['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'MXN', 'INR'].map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <p role="status">{saved}</p>
    </section>
  );
}
