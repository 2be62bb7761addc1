import { type FormEvent, useEffect, useId, useState } from 'react';
import { ConfirmPurchase } from '../../components/ConfirmPurchase';
import { checkLimits, type LimitCheck } from '../../utils/checkouts/limits';
import { countedRecords } from '../../utils/checkouts/record';
import type { CheckoutList } from '../../utils/checkouts/store';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messages';
import type { Detection } from '../../utils/product/detectInTab';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import type { Profile } from '../../utils/profiles/schema';
import { isSimulated, type ServiceId } from '../../utils/services/registry';
import type { Settings } from '../../utils/settings';
import type { Notice } from './notice';

interface Props {
  /** The agent: Smartcheckout, or the built-in DEMO (which spends nothing, so no limit or cap applies). */
  service: ServiceId;
  product: ProductSnapshot;
  detection: Detection | null;
  /** True when the user corrected the detected details (the page is no longer followed). */
  edited: boolean;
  settings: Settings;
  checkouts: CheckoutList | undefined;
  profile: Profile | null;
  /** The profile picker, rendered inside this form. */
  profilePicker: React.ReactNode;
  disabled: boolean;
  /** Text selected on the page before "Buy via Smartcheckout" from the context menu. */
  initialInstructions: string;
  onNotice(notice: Notice | null): void;
  onStarted(recordId: string, duplicate: boolean): void;
}

const NO_LIMITS: LimitCheck = { blocked: null, unchecked: [] };

/** An agent purchase: instructions, quantity, "Buy via Smartcheckout", and the confirmation step. */
export function AgentPurchase({ service, product, detection, edited, settings, checkouts, profile, profilePicker, disabled, initialInstructions, onNotice, onStarted }: Props) {
  const [instructions, setInstructions] = useState(initialInstructions.slice(0, 2000));
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const ids = { instructions: useId(), quantity: useId() };

  // A change on the page while confirming ends the confirmation: what was confirmed is no longer what is selected.
  const detectedKey = JSON.stringify(detection);
  const [confirmedKey, setConfirmedKey] = useState<string | null>(null);
  useEffect(() => {
    if (confirming && confirmedKey !== null && confirmedKey !== detectedKey && !edited) {
      setConfirming(false);
      onNotice({ text: t('popupSelectionChanged'), tone: 'error' });
    }
  }, [detectedKey, confirming, confirmedKey, edited, onNotice]);
  // Any correction of the product, or another profile, ends a pending confirmation.
  useEffect(() => setConfirming(false), [product, profile?.id]);

  const count = Number(quantity);
  const demo = isSimulated(service);
  const counted = checkouts ? countedRecords(checkouts.records) : [];
  const limits =
    checkouts && Number.isInteger(count) && count >= 1
      ? demo
        ? NO_LIMITS
        : checkLimits({ price: product.price, currency: product.currency, quantity: count }, settings.safety, counted, Date.now())
      : null;

  /** Form submit (button or Enter): validates, then asks for confirmation or buys. */
  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || confirming) return;
    if (!Number.isInteger(count) || count < 1 || count > 99) {
      onNotice({ text: t('popupQuantityInvalid'), tone: 'error' });
      return;
    }
    if ((detection?.kind === 'no-product' || detection?.kind === 'link') && !instructions.trim() && !edited) {
      onNotice({ text: t('popupDescribeWhatToBuy'), tone: 'error' });
      return;
    }
    if (limits?.blocked) {
      onNotice({ text: limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    onNotice(null);
    if (settings.safety.confirmEachPurchase) {
      setConfirmedKey(detectedKey);
      setConfirming(true);
    } else void start();
  }

  async function start() {
    if (busy || !profile) return;
    setBusy(true);
    onNotice({ text: t('popupStarting'), tone: 'info' });
    try {
      const reply = await sendMessage({ type: 'checkout:start', service, product, quantity: count, profileId: profile.id, instructions });
      if (reply.ok) {
        onStarted(reply.record.id, reply.duplicate);
        onNotice(reply.duplicate ? { text: t('popupDuplicate'), tone: 'info' } : null);
      } else {
        onNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_profile', 'no_access', 'over_limit'].includes(reply.code) });
      }
    } catch {
      onNotice({ text: t('popupNoAnswer'), tone: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  /** Any change to what would be bought ends a pending confirmation. */
  function edit<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setConfirming(false);
    };
  }

  return (
    <>
      <form onSubmit={submit} noValidate>
        {profilePicker}
        <label htmlFor={ids.instructions}>{t('popupInstructions')}</label>
        <textarea
          id={ids.instructions}
          value={instructions}
          maxLength={2000}
          placeholder={t('popupInstructionsPlaceholder')}
          onChange={(e) => edit(setInstructions)(e.target.value)}
        />

        <label htmlFor={ids.quantity}>{t('popupQuantity')}</label>
        <input id={ids.quantity} type="number" inputMode="numeric" min={1} max={99} step={1} value={quantity} onChange={(e) => edit(setQuantity)(e.target.value)} />

        {confirming ? null : (
          <button type="submit" className="primary buy" disabled={busy || disabled || !profile}>
            {demo ? t('popupBuyDemo') : t('popupBuy')}
          </button>
        )}
      </form>

      {confirming && profile && limits ? (
        <ConfirmPurchase
          product={product}
          quantity={count}
          profile={profile}
          cap={demo ? null : settings.safety.maxPrice}
          limits={limits}
          busy={busy}
          onConfirm={() => void start()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
