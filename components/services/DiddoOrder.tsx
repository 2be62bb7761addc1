import { useEffect, useId, useState } from 'react';
import { type MessageKey, t } from '../../utils/shared/i18n';
import { formatAmount, times, toUnits } from '../../utils/money/money';
import { unitsToDecimal } from '../../utils/services/reportedMoney';
import { sendMessage } from '../../utils/messages/messages';
import type { ProfileField } from '../../utils/profiles/schema';
import { profilesStorage } from '../../utils/profiles/storage';
import { upsertProfile } from '../../utils/profiles/state';
import { missingForDiddo } from '../../utils/services/diddo/buyerInfo';
import { cartIdFrom } from '../../utils/product/links/diddoCart';
import type { DiddoPrepared } from '../../utils/services/diddo/order';
import { ProfileForm } from '../ProfileForm';
import type { OrderPanelProps } from './orderPanel';

const FIELD_LABELS: Record<ProfileField, MessageKey> = {
  label: 'fieldLabel',
  firstName: 'fieldFirstName',
  lastName: 'fieldLastName',
  email: 'fieldEmail',
  phone: 'fieldPhone',
  address1: 'fieldAddress1',
  address2: 'fieldAddress2',
  city: 'fieldCity',
  province: 'fieldProvince',
  postalCode: 'fieldPostalCode',
  country: 'fieldCountry',
};

type Prepared = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; cart: DiddoPrepared };

/**
 * Diddo sells template carts: the cart found on the page (or pasted), checked out for the profile's address with
 * one shipping method per store, the cheapest preselected.
 */
export default function DiddoOrder({ product, profile, onDraft }: OrderPanelProps) {
  const ids = { cart: useId(), cartError: useId(), pasted: useId() };
  const found = product.checkoutLinks.diddoCarts;
  const [chosenCart, setChosenCart] = useState(found[0] ?? '');
  const [pasted, setPasted] = useState('');
  const [prepared, setPrepared] = useState<Prepared>({ status: 'idle' });
  const [methods, setMethods] = useState<number[]>([]);
  const pastedId = cartIdFrom(pasted);
  const cartId = found.length ? chosenCart : pastedId;
  const missing = profile ? missingForDiddo(profile) : [];

  useEffect(() => {
    if (!cartId || !profile || missing.length) {
      setPrepared({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setPrepared({ status: 'loading' });
    void (async () => {
      let next: Prepared;
      try {
        const reply = await sendMessage({ type: 'service:query', service: 'diddo', query: 'prepare', params: { templateCartId: cartId }, profileId: profile.id });
        next = reply.ok ? { status: 'ready', cart: reply.result as DiddoPrepared } : { status: 'error', message: reply.message };
      } catch {
        next = { status: 'error', message: t('connectionNoAnswer') };
      }
      if (cancelled) return;
      setPrepared(next);
      // The cheapest method of each store, until the user picks another.
      if (next.status === 'ready') setMethods(next.cart.stores.map((store) => cheapest(store.methods)?.id ?? -1));
    })();
    return () => {
      cancelled = true;
    };
    // Prepared again when the cart or the address changes.
  }, [cartId, profile, missing.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const cart = prepared.status === 'ready' ? prepared.cart : null;
  const unserved = cart ? cart.stores.some((store) => store.methods.length === 0) : false;
  const shipping = cart ? cart.stores.reduce((sum, store, i) => sum + toUnits(store.methods.find((m) => m.id === methods[i])?.price ?? '0'), 0) : 0;
  const total = cart ? toUnits(cart.subtotal) + shipping : 0;

  useEffect(() => {
    const complete = cart && !unserved && methods.length === cart.stores.length && methods.every((id, i) => cart.stores[i]!.methods.some((m) => m.id === id));
    onDraft(
      complete
        ? {
            order: {
              templateCartId: cart.templateCartId,
              liveCartId: cart.liveCartId,
              paymentIntentId: cart.paymentIntentId,
              methods,
              total: unitsToDecimal(total),
              currency: cart.currency,
              label: cartLabel(cart),
            },
            quote: { amount: unitsToDecimal(total), currency: cart.currency },
          }
        : null,
    );
  }, [cart, methods, unserved, total]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="diddo-order">
      {found.length > 1 ? (
        <>
          <label htmlFor={ids.cart}>{t('diddoCart')}</label>
          <select id={ids.cart} value={chosenCart} onChange={(e) => setChosenCart(e.target.value)}>
            {found.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </>
      ) : found.length === 1 ? (
        <p className="hint">{t('diddoCartFound', found[0]!)}</p>
      ) : (
        <>
          <label htmlFor={ids.pasted}>{t('diddoCartId')}</label>
          <input
            id={ids.pasted}
            spellCheck={false}
            value={pasted}
            aria-invalid={pasted.trim() && !pastedId ? true : undefined}
            aria-describedby={ids.cartError}
            onChange={(e) => setPasted(e.target.value)}
          />
          <p id={ids.cartError} className={pasted.trim() && !pastedId ? 'field-error' : 'hint'}>
            {pasted.trim() && !pastedId ? t('diddoCartIdInvalid') : t('diddoCartIdHint')}
          </p>
        </>
      )}

      {profile && missing.length ? (
        <div className="diddo-missing">
          <p className="error">{t('diddoProfileMissing', missing.map((field) => t(FIELD_LABELS[field])).join(', '))}</p>
          <ProfileForm
            key={profile.id}
            id={profile.id}
            initial={{ ...profile }}
            onSave={async (fixed) => {
              await profilesStorage.set(upsertProfile(await profilesStorage.get(), fixed));
            }}
          />
        </div>
      ) : null}

      {prepared.status === 'loading' ? <p className="muted">{t('diddoPreparing')}</p> : null}
      {prepared.status === 'error' ? <p className="error">{prepared.message}</p> : null}
      {cart ? (
        <section className="diddo-cart" aria-label={t('diddoCartLines')}>
          <ul className="diddo-lines">
            {cart.lines.map((line, i) => (
              <li key={i}>
                {line.quantity} × {line.name}
                {line.variant ? ` (${line.variant})` : ''} — {formatAmount(times(line.price, line.quantity), cart.currency)}
              </li>
            ))}
          </ul>
          <p>{t('diddoSubtotal', formatAmount(toUnits(cart.subtotal), cart.currency))}</p>
          {cart.stores.map((store, i) => (
            <ShippingChoice
              key={i}
              store={store.store}
              several={cart.stores.length > 1}
              methods={store.methods}
              currency={cart.currency}
              value={methods[i] ?? -1}
              onChange={(id) => setMethods((current) => current.map((m, j) => (j === i ? id : m)))}
            />
          ))}
          {unserved ? <p className="error">{t('diddoNoShipping')}</p> : <p className="diddo-total">{t('diddoTotal', formatAmount(total, cart.currency))}</p>}
        </section>
      ) : null}
    </div>
  );
}

function ShippingChoice(props: { store: string | null; several: boolean; methods: DiddoPrepared['stores'][number]['methods']; currency: string; value: number; onChange(id: number): void }) {
  const id = useId();
  if (!props.methods.length) return null;
  return (
    <>
      <label htmlFor={id}>{props.several && props.store ? t('diddoShippingFor', props.store) : t('diddoShipping')}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.methods.map((method) => (
          <option key={method.id} value={method.id}>
            {method.estimatedDays
              ? t('diddoMethodDays', method.name, formatAmount(toUnits(method.price), props.currency), method.estimatedDays)
              : t('diddoMethod', method.name, formatAmount(toUnits(method.price), props.currency))}
          </option>
        ))}
      </select>
    </>
  );
}

function cheapest<T extends { price: string }>(methods: T[]): T | null {
  return methods.reduce<T | null>((best, m) => (best === null || toUnits(m.price) < toUnits(best.price) ? m : best), null);
}

/** The cart in words, for the history and notifications: its first line, and how many more. */
function cartLabel(cart: DiddoPrepared): string {
  const first = cart.lines[0]?.name ?? cart.templateCartId;
  return (cart.lines.length > 1 ? t('diddoCartLabelMore', first, cart.lines.length - 1) : first).slice(0, 300);
}
