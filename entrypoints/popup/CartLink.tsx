import { lazy, Suspense, useState } from 'react';
import { cartLinkOrder } from '../../utils/cart/link';
import type { Cart } from '../../utils/cart/schema';
import type { CheckoutList } from '../../utils/checkouts/store';
import { sendMessage } from '../../utils/messages/messages';
import type { Profile } from '../../utils/profiles/schema';
import type { ServiceId } from '../../utils/services/registry';
import { t } from '../../utils/shared/i18n';
import type { Notice } from './notice';

const CheckoutHandoff = lazy(() => import('../../components/CheckoutHandoff').then((m) => ({ default: m.CheckoutHandoff })));

interface Props {
  cart: Cart;
  service: ServiceId;
  checkouts: CheckoutList | undefined;
  profile: Profile | null;
  profilePicker: React.ReactNode;
  onNotice(notice: Notice | null): void;
}

/** "Create checkout link for cart": one checkout link for the whole cart (its summed amount, in its one currency). */
export function CartLink({ cart, service, checkouts, profile, profilePicker, onNotice }: Props) {
  const [busy, setBusy] = useState(false);
  const [recordId, setRecordId] = useState<string | null>(null);
  const built = cartLinkOrder(cart.items);
  const record = recordId ? checkouts?.records.find((r) => r.id === recordId) ?? null : null;

  async function create() {
    if (busy || !profile) return;
    setBusy(true);
    try {
      const reply = await sendMessage({ type: 'cart:link', service, profileId: profile.id, attemptId: crypto.randomUUID() });
      if (reply.ok) {
        setRecordId(reply.record.id);
        onNotice(null);
      } else onNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_access'].includes(reply.code) });
    } catch {
      onNotice({ text: t('cartNoAnswer'), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  if (record) {
    return (
      <section className="handoff-section" aria-label={t('linkHeading')}>
        <h2>{t('linkHeading')}</h2>
        <Suspense fallback={null}>
          <CheckoutHandoff record={record} withQr onNotice={(text) => onNotice({ text, tone: 'info' })} />
        </Suspense>
      </section>
    );
  }
  if (!built.ok) return <p className="error">{built.message}</p>;
  return (
    <div className="cart__order">
      {profilePicker}
      <p className="link-amount">{t('cartLinkTotal', `${built.order.amount} ${built.order.currency}`)}</p>
      <button type="button" className="primary buy" disabled={busy || !profile} onClick={() => void create()}>
        {t('cartLink')}
      </button>
    </div>
  );
}
