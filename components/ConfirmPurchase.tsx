import { useEffect, useRef } from 'react';
import type { LimitCheck } from '../utils/checkouts/limits';
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
  const price = product.price ? (product.currency ? formatAmount(times(product.price, quantity), product.currency) : `${product.price} × ${quantity}`) : 'price not detected';
  const item = [product.name ?? product.url, describeVariant(product.variant), `Qty ${quantity}`, price].filter(Boolean).join(' — ');

  return (
    <section className="confirm" role="region" aria-label="Confirm purchase">
      <h2>Confirm purchase</h2>
      <p className="confirm__item">{item}</p>
      <p>Ships to: {describeProfile(profile)}</p>
      <p>{cap ? `Price cap: ${cap.amount} ${cap.currency} — the agent will not pay more.` : 'No price cap set.'}</p>
      {limits.unchecked.length ? (
        <p className="error">Not checked, because the price is unknown or in another currency: {limits.unchecked.join('; ')}.</p>
      ) : null}
      <div className="confirm__actions">
        <button ref={confirmButton} type="button" className="primary" disabled={busy} onClick={onConfirm}>
          Confirm purchase
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
