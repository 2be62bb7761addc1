import { lazy, Suspense } from 'react';
import { useStored } from '../../components/useStored';
import { cartStorage } from '../../utils/cart/store';
import { sendMessage } from '../../utils/messages/messages';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { t } from '../../utils/shared/i18n';
import type { CartViewProps } from './CartView';

// The cart's view loads only when it is opened.
const CartView = lazy(() => import('./CartView').then((m) => ({ default: m.CartView })));

interface Props extends Omit<CartViewProps, 'cart'> {
  /** The product the page shows, to add; null when there is none to add. */
  product: ProductSnapshot | null;
  /** How many of it (the purchase form's quantity). */
  quantity: number;
  tabId: number | null;
  open: boolean;
  onOpen(open: boolean): void;
}

/** "Add to cart" beside the main action, and "Cart (N)", which opens the cart in the popup. */
export function CartBar(props: Props) {
  const { product, quantity, tabId, open, onOpen, onNotice } = props;
  const cart = useStored(cartStorage);
  const count = cart?.items.length ?? 0;

  async function add() {
    if (!product) return;
    try {
      const reply = await sendMessage({ type: 'cart:add', product, quantity, tabId });
      onNotice({ text: reply.message, tone: reply.ok ? 'info' : 'error' });
    } catch {
      onNotice({ text: t('cartNoAnswer'), tone: 'error' });
    }
  }

  return (
    <>
      <p className="cart-bar">
        {product && !open ? (
          <button type="button" onClick={() => void add()}>
            {t('cartAdd')}
          </button>
        ) : null}
        <button type="button" aria-expanded={open} onClick={() => onOpen(!open)}>
          {open ? t('cartClose') : t('cartButton', count)}
        </button>
      </p>
      {open && cart ? (
        <Suspense fallback={null}>
          <CartView {...props} cart={cart} />
        </Suspense>
      ) : null}
    </>
  );
}
