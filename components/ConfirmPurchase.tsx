import { useEffect, useRef } from 'react';
import type { LimitCheck } from '../utils/checkouts/limits';
import { t } from '../utils/i18n';
import { formatAmount, type Money, times } from '../utils/money';
import { describeVariant, type ProductSnapshot } from '../utils/product/snapshot';
import { describeProfile, type Profile } from '../utils/profiles/schema';

interface Props {
  product: ProductSnapshot;
  quantity: number;
  profile: Profile;
  cap: Money | null;
  limits: LimitCheck;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Exactly what will be bought, in words, with the one button that buys. */
export function ConfirmPurchase({ product, quantity, profile, cap, limits, busy, onConfirm, onCancel }: Props) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  const price = product.price ? (product.currency ? formatAmount(times(product.price, quantity), product.currency) : `${product.price} × ${quantity}`) : t('confirmNoPrice');
  const item = [product.name ?? product.url, describeVariant(product.variant), t('quantityShort', quantity), price].filter(Boolean).join(' — ');

  return (
    <section className="confirm" role="region" aria-label={t('confirmTitle')}>
      <h2>{t('confirmTitle')}</h2>
      <p className="confirm__item">{item}</p>
      <p>{t('confirmShipsTo', describeProfile(profile))}</p>
      <p>{cap ? t('confirmCap', `${cap.amount} ${cap.currency}`) : t('confirmNoCap')}</p>
      {limits.unchecked.length ? (
        <p className="error">{t('confirmUnchecked', limits.unchecked.join('; '))}</p>
      ) : null}
      <div className="confirm__actions">
        <button ref={confirmButton} type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {t('confirmButton')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
