import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { t } from '../utils/shared/i18n';
import { formatAmount, type Money, moneyOf, times, toUnits } from '../utils/money/money';
import { type ProductSnapshot } from '../utils/product/snapshot';
import { describeVariant } from '../utils/product/describe';
import { describeProfile, type Profile } from '../utils/profiles/schema';

interface Props {
  product: ProductSnapshot;
  quantity: number;
  profile: Profile;
  /** The prompt exactly as the agent will receive it. */
  prompt: string;
  /** The most the agent may spend (see `checkLimits`). */
  maxSpend: Money[];
  /** The purchase's ceiling (held against the limits until it ends), and the most the user may raise it to. */
  ceiling: Money | null;
  mostCeiling: Money | null;
  /** Why the ceiling the user typed cannot be used; confirming waits until it can. */
  ceilingError: string | null;
  /** The user set the ceiling for this purchase (null: back to what the allowance gives). */
  onCeiling: (ceiling: Money | null) => void;
  /** Which limits could not be checked, in words; null when all were. */
  uncheckedNote: string | null;
  /** How the page's product changed since the user looked, when it did: shown side by side. */
  drift: { before: ProductSnapshot; after: ProductSnapshot } | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const priceOf = (product: ProductSnapshot, quantity: number) =>
  product.price ? (product.currency ? formatAmount(times(product.price, quantity), product.currency) : `${product.price} × ${quantity}`) : t('confirmNoPrice');

/**
 * Exactly what will be sent, in words and as the agent's prompt, with the one button that buys. Focus goes to
 * the heading, not the button: a second or held Enter, or the second click of a double click that opened it,
 * must not confirm (or dismiss) anything. Confirming takes a deliberate press of "Confirm purchase".
 */
export function ConfirmPurchase({ product, quantity, profile, prompt, maxSpend, ceiling, mostCeiling, ceilingError, onCeiling, uncheckedNote, drift, busy, onConfirm, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [drift]);
  const ceilingId = useId();
  const [draft, setDraft] = useState(ceiling?.amount ?? '');
  const [typo, setTypo] = useState(false);
  useEffect(() => {
    setDraft(ceiling?.amount ?? '');
    setTypo(false);
  }, [drift]); // eslint-disable-line react-hooks/exhaustive-deps

  /** A typed ceiling: an amount in the ceiling's currency; empty goes back to the allowance's. */
  function typeCeiling(value: string) {
    setDraft(value);
    const amount = value.trim().replace(',', '.');
    if (!amount) {
      setTypo(false);
      return onCeiling(null);
    }
    const valid = /^\d{1,9}(\.\d{1,2})?$/.test(amount);
    setTypo(!valid);
    if (valid && ceiling) onCeiling(moneyOf(toUnits(amount), ceiling.currency));
  }
  const ceilingProblem = typo ? t('confirmCeilingInvalid') : ceilingError;
  const item = [product.name ?? product.url, describeVariant(product.variant), t('quantityShort', quantity), priceOf(product, quantity)].filter(Boolean).join(' — ');
  // A click that is part of a double (or triple) click was aimed at whatever was there before.
  const deliberate = (action: () => void) => (event: MouseEvent) => {
    if (event.detail <= 1) action();
  };

  return (
    <section className="confirm" role="region" aria-label={t('confirmTitle')}>
      <h2 ref={heading} tabIndex={-1}>
        {t('confirmTitle')}
      </h2>
      {drift ? (
        <div className="confirm__drift error">
          <p>{t('driftTitle')}</p>
          <table>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('driftBefore')}</th>
                <th scope="col">{t('driftNow')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('driftPrice')}</th>
                <td>{priceOf(drift.before, quantity)}</td>
                <td>{priceOf(drift.after, quantity)}</td>
              </tr>
              <tr>
                <th scope="row">{t('driftVariant')}</th>
                <td>{describeVariant(drift.before.variant) || t('driftNoVariant')}</td>
                <td>{describeVariant(drift.after.variant) || t('driftNoVariant')}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="confirm__item">{item}</p>
      <p>{t('confirmShipsTo', describeProfile(profile))}</p>
      <p>{maxSpend.length ? t('confirmMaxSpend', maxSpend.map((m) => `${m.amount} ${m.currency}`).join(', ')) : t('confirmNoMaxSpend')}</p>
      {ceiling ? (
        <div className="confirm__ceiling">
          <label htmlFor={ceilingId}>{t('confirmCeilingLabel', ceiling.currency)}</label>
          <input
            id={ceilingId}
            inputMode="decimal"
            value={draft}
            aria-invalid={ceilingProblem ? true : undefined}
            aria-describedby={`${ceilingId}-hint${ceilingProblem ? ` ${ceilingId}-error` : ''}`}
            onChange={(e) => typeCeiling(e.target.value)}
          />
          <p id={`${ceilingId}-hint`} className="hint">
            {product.price ? t('confirmCeilingHint') : t('confirmCeilingUnknownPrice')}
            {mostCeiling ? ` ${t('confirmCeilingMost', `${mostCeiling.amount} ${mostCeiling.currency}`)}` : ''}
          </p>
          {ceilingProblem ? (
            <p id={`${ceilingId}-error`} className="field-error" role="alert">
              {ceilingProblem}
            </p>
          ) : null}
        </div>
      ) : null}
      {uncheckedNote ? <p className="error">{uncheckedNote}</p> : null}
      <p className="confirm__prompt-label">{t('confirmPromptLabel')}</p>
      <pre className="confirm__prompt">{prompt}</pre>
      <div className="confirm__actions">
        <button type="button" className="primary" disabled={busy || ceilingProblem !== null} onClick={deliberate(onConfirm)}>
          {t('confirmButton')}
        </button>
        <button type="button" onClick={deliberate(onCancel)}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
