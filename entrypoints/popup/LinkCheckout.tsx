import { type FormEvent, Suspense, useId, useState } from 'react';
import type { OrderDraft } from '../../components/services/orderPanel';
import { ORDER_PANELS } from '../../components/services/orderPanels';
import { t } from '../../utils/shared/i18n';
import { sendMessage } from '../../utils/messages/messages';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import type { Profile } from '../../utils/profiles/schema';
import { serviceOf, type ServiceId } from '../../utils/services/registry';
import type { Notice } from './notice';

interface Props {
  service: ServiceId;
  product: ProductSnapshot;
  profile: Profile | null;
  /** The profile picker, rendered inside this form. */
  profilePicker: React.ReactNode;
  disabled: boolean;
  onNotice(notice: Notice | null): void;
  onStarted(recordId: string, duplicate: boolean): void;
}

/**
 * A checkout link: the service's own fields, the amount the customer will pay, and "Create checkout link".
 * Creating a link moves no money, so there is no purchase confirmation; the amount is shown before creating.
 */
export function LinkCheckout({ service, product, profile, profilePicker, disabled, onNotice, onStarted }: Props) {
  const entry = ORDER_PANELS[service];
  const [quantity, setQuantity] = useState('1');
  // Each draft names the service whose panel made it: another service's draft never carries over. (Clearing it in an
  // effect when the service changes would also clear the first draft of a panel that is already loaded, whose own
  // effect runs before its parent's.)
  const [drafted, setDrafted] = useState<{ service: ServiceId; draft: OrderDraft | null } | null>(null);
  const draft = drafted?.service === service ? drafted.draft : null;
  const [busy, setBusy] = useState(false);
  const ids = { quantity: useId(), amount: useId() };
  const count = entry?.quantity ? Number(quantity) : 1;
  const quantityValid = Number.isInteger(count) && count >= 1 && count <= 99;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!quantityValid) {
      onNotice({ text: t('popupQuantityInvalid'), tone: 'error' });
      return;
    }
    if (!draft || !profile) {
      onNotice({ text: t('linkIncomplete'), tone: 'error' });
      return;
    }
    setBusy(true);
    onNotice({ text: t('linkCreating'), tone: 'info' });
    try {
      const reply = await sendMessage({ type: 'checkout:start', service, product, quantity: count, profileId: profile.id, instructions: '', order: draft.order });
      if (reply.ok) {
        onStarted(reply.record.id, reply.duplicate);
        onNotice(reply.duplicate ? { text: t('linkDuplicate'), tone: 'info' } : null);
      } else {
        onNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_profile', 'no_access'].includes(reply.code) });
      }
    } catch {
      onNotice({ text: t('linkNoAnswer'), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  if (!entry) return null;
  const { Panel } = entry;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {profilePicker}
      {entry.quantity ? (
        <>
          <label htmlFor={ids.quantity}>{t('popupQuantity')}</label>
          <input id={ids.quantity} type="number" inputMode="numeric" min={1} max={99} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </>
      ) : null}
      {/* The fallback keeps the panel's room, so nothing below it moves when it arrives. */}
      <Suspense fallback={<div className="panel-placeholder" aria-busy="true" />}>
        <Panel key={service} product={product} quantity={quantityValid ? count : 1} profile={profile} onDraft={(next) => setDrafted({ service, draft: next })} />
      </Suspense>
      <p id={ids.amount} className="link-amount">
        {draft?.quote ? t('linkAmount', `${draft.quote.amount} ${draft.quote.currency}`) : t('linkAmountPending')}
      </p>
      <button type="submit" className="primary buy" disabled={busy || disabled || !profile || !draft || !quantityValid} aria-describedby={ids.amount}>
        {t('linkCreate')}
      </button>
      <p className="hint">{t('linkNoMoney', serviceOf(service).name)}</p>
    </form>
  );
}
