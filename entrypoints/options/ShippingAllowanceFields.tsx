import { useId, useState } from 'react';
import { t } from '../../utils/shared/i18n';
import { type ShippingAllowance, shippingAllowanceSchema } from '../../utils/settings/settings';

interface Props {
  allowance: ShippingAllowance;
  /** The limits' currency: the minimum is in it, and applies to purchases in it. */
  currency: string;
  onSave(allowance: ShippingAllowance): void;
  onInvalid(): void;
}

/**
 * "Allowance for shipping and tax": how far above its total a purchase's ceiling goes (a percentage, with a minimum
 * in the limits' currency). Saved as soon as both fields are valid.
 */
export function ShippingAllowanceFields({ allowance, currency, onSave, onInvalid }: Props) {
  const id = useId();
  const [draft, setDraft] = useState({ percent: String(allowance.percent), minimum: allowance.minimum });
  const [error, setError] = useState<'percent' | 'minimum' | null>(null);

  function edit(part: 'percent' | 'minimum', value: string) {
    const next = { ...draft, [part]: value };
    setDraft(next);
    const percent = Number(next.percent.trim().replace(',', '.'));
    const parsed = shippingAllowanceSchema.safeParse({ percent: next.percent.trim() === '' ? NaN : percent, minimum: next.minimum.trim().replace(',', '.') || '0' });
    if (!parsed.success) {
      setError(parsed.error.issues[0]!.path[0] === 'minimum' ? 'minimum' : 'percent');
      onInvalid();
      return;
    }
    setError(null);
    onSave(parsed.data);
  }

  return (
    <fieldset className="allowance" aria-describedby={`${id}-hint`}>
      <legend>{t('safetyAllowance')}</legend>
      <div className="row">
        <div>
          <label htmlFor={`${id}-percent`}>{t('safetyAllowancePercent')}</label>
          <input
            id={`${id}-percent`}
            inputMode="decimal"
            value={draft.percent}
            aria-invalid={error === 'percent' ? true : undefined}
            aria-describedby={error === 'percent' ? `${id}-error` : undefined}
            onChange={(e) => edit('percent', e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-minimum`}>{t('safetyAllowanceMinimum', currency)}</label>
          <input
            id={`${id}-minimum`}
            inputMode="decimal"
            value={draft.minimum}
            aria-invalid={error === 'minimum' ? true : undefined}
            aria-describedby={error === 'minimum' ? `${id}-error` : undefined}
            onChange={(e) => edit('minimum', e.target.value)}
          />
        </div>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('safetyAllowanceHint', currency)}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error === 'percent' ? 'safetyAllowancePercentInvalid' : 'safetyAmountInvalid')}
        </p>
      ) : null}
    </fieldset>
  );
}
