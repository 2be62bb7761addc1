import { type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { useLedger } from '../../components/useStored';
import { itemName, lineTotal, totalsOf } from '../../utils/cart/cart';
import type { Cart, CartItem } from '../../utils/cart/schema';
import { type LimitCheck, safetyFor, spendHistory } from '../../utils/checkouts/limits';
import { planOrder } from '../../utils/checkouts/orderLimits';
import type { CheckoutList } from '../../utils/checkouts/store';
import { unreadableSpendSources } from '../../utils/checkouts/unreadable';
import { formatAmount } from '../../utils/money/money';
import { sendMessage } from '../../utils/messages/messages';
import { describeProfile, type Profile } from '../../utils/profiles/schema';
import { serviceOf, type ServiceId } from '../../utils/services/registry';
import type { Settings } from '../../utils/settings/settings';
import { t } from '../../utils/shared/i18n';
import type { Notice } from './notice';

interface Props {
  cart: Cart;
  service: ServiceId;
  settings: Settings;
  checkouts: CheckoutList | undefined;
  profile: Profile | null;
  profilePicker: React.ReactNode;
  onNotice(notice: Notice | null): void;
  /** The order is on record (or may be: the background did not answer) under this id. */
  onOrdered(orderId: string): void;
}

/** An order as shown for confirmation: its id (one order however often it is sent), the items and what each may spend. */
interface Confirmation {
  attemptId: string;
  items: CartItem[];
  lines: LimitCheck[];
}

/**
 * The agent's cart action: one set of instructions, "Buy cart via Smartcheckout", then one confirmation listing every
 * item, the totals, the profile and what the agent may spend on each. The background checks the cart against the
 * limits again as one, records the order, then sends one checkout per item.
 */
export function CartOrder({ cart, service, settings, checkouts, profile, profilePicker, onNotice, onOrdered }: Props) {
  const ledger = useLedger();
  const instructionsId = useId();
  const [instructions, setInstructions] = useState('');
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [confirmation?.attemptId]);
  // Any change to the cart ends a pending confirmation.
  const cartKey = JSON.stringify(cart.items.map((i) => [i.id, i.quantity, i.product.price, i.product.currency]));
  useEffect(() => setConfirmation(null), [cartKey, profile?.id]);

  function ask() {
    if (!checkouts || !ledger || !profile) return;
    const history = [...spendHistory(checkouts.records, ledger.entries), ...unreadableSpendSources([...checkouts.unreadable, ...ledger.unreadable], Date.now())];
    const lines = cart.items.map((item) => ({ name: itemName(item), price: item.unread ? null : item.product.price, currency: item.product.currency, quantity: item.quantity }));
    const plan = planOrder(lines, safetyFor(service, settings.safety), history, Date.now());
    if (plan.blocked !== null) {
      onNotice({ text: plan.blocked, tone: 'error', needsOptions: true });
      return;
    }
    onNotice(null);
    setConfirmation({ attemptId: crypto.randomUUID(), items: cart.items, lines: plan.lines });
  }

  async function confirm(order: Confirmation) {
    if (busy) return;
    setBusy(true);
    onNotice({ text: t('popupStarting'), tone: 'info' });
    const items = order.items.map((item, index) => ({ id: item.id, quantity: item.quantity, price: item.product.price, currency: item.product.currency, ceiling: order.lines[index]!.ceiling }));
    try {
      // Shown from the click: the background records the order before it sends anything.
      onOrdered(order.attemptId);
      const reply = await sendMessage({ type: 'cart:buy', service, profileId: profile!.id, instructions, attemptId: order.attemptId, items });
      setConfirmation(null);
      if (!reply.ok) onNotice({ text: reply.message, tone: 'error', needsOptions: reply.code === 'over_limit' });
    } catch {
      // No answer: what storage holds for this order id is shown; nothing is sent twice.
      setConfirmation(null);
    } finally {
      setBusy(false);
    }
  }

  // A click that is part of a double click was aimed at what was there before.
  const deliberate = (action: () => void) => (event: MouseEvent) => {
    if (event.detail <= 1) action();
  };
  const totals = totalsOf(confirmation?.items ?? []);

  return (
    <div className="cart__order">
      {profilePicker}
      <label htmlFor={instructionsId}>{t('popupInstructions')}</label>
      <textarea
        id={instructionsId}
        value={instructions}
        maxLength={2000}
        placeholder={t('popupInstructionsPlaceholder')}
        onChange={(e) => {
          setInstructions(e.target.value);
          setConfirmation(null);
        }}
      />
      {confirmation ? null : (
        <button type="button" className="primary buy" disabled={busy || !profile} onClick={ask}>
          {t('cartBuy', serviceOf(service).name)}
        </button>
      )}
      {confirmation && profile ? (
        <section className="confirm" aria-label={t('cartConfirmTitle')}>
          <h2 ref={heading} tabIndex={-1}>
            {t('cartConfirmTitle')}
          </h2>
          <p>{t('cartConfirmIntro')}</p>
          <ul className="cart__confirm-items">
            {confirmation.items.map((item, index) => {
              const ceiling = confirmation.lines[index]!.ceiling;
              return (
                <li key={item.id}>
                  <span className="confirm__item">{[itemName(item), t('quantityShort', item.quantity), lineTotal(item)].filter(Boolean).join(' — ')}</span>
                  <br />
                  {ceiling ? t('cartConfirmSpend', `${ceiling.amount} ${ceiling.currency}`) : t('confirmNoMaxSpend')}
                </li>
              );
            })}
          </ul>
          <p className="cart__total">{t('cartTotal', totals.map((total) => formatAmount(total.units, total.currency)).join(', '))}</p>
          <p>{t('confirmShipsTo', describeProfile(profile))}</p>
          {instructions.trim() ? <p className="hint-text">{`${t('popupInstructions')}: ${instructions.trim()}`}</p> : null}
          <div className="confirm__actions">
            <button type="button" className="primary" disabled={busy} onClick={deliberate(() => void confirm(confirmation))}>
              {t('cartConfirmButton')}
            </button>
            <button type="button" onClick={deliberate(() => setConfirmation(null))}>
              {t('cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
