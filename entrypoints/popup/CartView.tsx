import { useEffect, useId, useState } from 'react';
import { itemName, lineTotal, totalsOf } from '../../utils/cart/cart';
import type { Cart, CartItem } from '../../utils/cart/schema';
import { describeOrder, itemsOf } from '../../utils/checkouts/orderEnd';
import type { CheckoutList } from '../../utils/checkouts/store';
import { formatAmount } from '../../utils/money/money';
import { sendMessage } from '../../utils/messages/messages';
import { hostOf } from '../../utils/popup/popupTarget';
import type { Profile } from '../../utils/profiles/schema';
import { serviceOf, type ServiceId } from '../../utils/services/registry';
import type { Settings } from '../../utils/settings/settings';
import { t } from '../../utils/shared/i18n';
import { CartLink } from './CartLink';
import { CartOrder } from './CartOrder';
import type { Notice } from './notice';

/** What the cart view needs; `CartBar` passes it on. */
export interface CartViewProps {
  cart: Cart;
  service: ServiceId | null;
  settings: Settings;
  checkouts: CheckoutList | undefined;
  profile: Profile | null;
  profilePicker: React.ReactNode;
  onNotice(notice: Notice | null): void;
}

/** The cart: each item with its name, variant, quantity, price and shop, totals per currency, and the service's cart action. */
export function CartView({ cart, service, settings, checkouts, profile, profilePicker, onNotice }: CartViewProps) {
  const [corrupt, setCorrupt] = useState(false);
  /** The order placed from here: its live status is the popup's status line. */
  const [orderId, setOrderId] = useState<string | null>(null);
  const ordered = orderId && checkouts ? itemsOf(checkouts.records, orderId) : [];
  const orderStatus = ordered.length ? describeOrder(ordered) : null;
  useEffect(() => {
    if (!orderStatus) return;
    const ended = ordered.every((r) => r.state !== 'confirmed' && r.state !== 'starting' && r.state !== 'processing');
    const failed = ordered.some((r) => r.state !== 'completed');
    onNotice({ text: orderStatus, tone: ended ? (failed ? 'error' : 'ok') : 'info' });
  }, [orderStatus]); // eslint-disable-line react-hooks/exhaustive-deps
  // Opening the cart reads again each item whose tab is still open (the background marks what moved).
  useEffect(() => {
    void sendMessage({ type: 'cart:refresh' }).catch(() => {});
    void import('../../utils/cart/store').then((m) => m.hasCorruptCart()).then(setCorrupt);
  }, []);
  const totals = totalsOf(cart.items);
  const kind = service ? serviceOf(service).kind : null;

  return (
    <section className="cart" aria-label={t('cartHeading')}>
      <h2>{t('cartHeading')}</h2>
      {corrupt ? <p className="error">{t('cartCorrupt')}</p> : null}
      {cart.items.length ? (
        <>
          <ul className="cart__items">
            {cart.items.map((item) => (
              <CartLine key={item.id} item={item} />
            ))}
          </ul>
          <p className="cart__total">{t('cartTotal', totals.map((total) => formatAmount(total.units, total.currency)).join(', ') || '—')}</p>
          <button type="button" onClick={() => void sendMessage({ type: 'cart:empty' })}>
            {t('cartEmpty')}
          </button>
          {service && kind === 'agent' ? (
            <CartOrder cart={cart} service={service} settings={settings} checkouts={checkouts} profile={profile} profilePicker={profilePicker} onNotice={onNotice} onOrdered={setOrderId} />
          ) : service === 'shoppex' ? (
            <CartLink cart={cart} service={service} checkouts={checkouts} profile={profile} profilePicker={profilePicker} onNotice={onNotice} />
          ) : service ? (
            // Creem and Diddo sell the store's own products, never an amount of our choosing.
            <p className="muted">{t('cartNotForService', serviceOf(service).name)}</p>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('cartEmptyText')}</p>
      )}
    </section>
  );
}

/** One item: name and variant, shop, price × quantity, its marks, an editable quantity and "Remove". */
function CartLine({ item }: { item: CartItem }) {
  const quantityId = useId();
  const [draft, setDraft] = useState(String(item.quantity));
  useEffect(() => setDraft(String(item.quantity)), [item.quantity]);
  const name = itemName(item);

  function changeQuantity(value: string) {
    setDraft(value);
    const quantity = Number(value);
    if (Number.isInteger(quantity) && quantity >= 1 && quantity <= 99 && quantity !== item.quantity) void sendMessage({ type: 'cart:update', id: item.id, quantity });
  }

  const changed = item.changed;
  return (
    <li className="cart__item" aria-label={name}>
      <p className="cart__name">{name}</p>
      <p className="cart__meta">
        {t('cartShop', hostOf(item.product.url))}
        {' · '}
        {item.product.price && item.product.currency ? `${item.product.price} ${item.product.currency}` : t('confirmNoPrice')}
        {lineTotal(item) && item.quantity > 1 ? ` · ${lineTotal(item)}` : ''}
      </p>
      {item.unread ? <p className="error">{t('cartUnread')}</p> : null}
      {changed?.variantGone ? <p className="error">{t('cartVariantGone')}</p> : null}
      {changed && !changed.variantGone ? <p className="error">{t('cartPriceMoved', changed.price ? `${changed.price} ${changed.currency ?? ''}`.trim() : t('confirmNoPrice'))}</p> : null}
      <div className="cart__controls">
        {/* Seen as "Quantity" beside the item; named with the item for a screen reader's list of fields. */}
        <label htmlFor={quantityId}>{t('popupQuantity')}</label>
        <input id={quantityId} aria-label={t('cartQuantity', name)} type="number" inputMode="numeric" min={1} max={99} step={1} value={draft} onChange={(e) => changeQuantity(e.target.value)} />
        <button type="button" onClick={() => void sendMessage({ type: 'cart:remove', id: item.id })}>
          {t('cartRemove')}
        </button>
      </div>
    </li>
  );
}
