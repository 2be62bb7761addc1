import { type FormEvent, useEffect, useId, useState } from 'react';
import { ConfirmPurchase } from '../../components/ConfirmPurchase';
import { useLedger } from '../../components/useStored';
import { checkLimits, type LimitCheck, safetyFor, spendHistory } from '../../utils/checkouts/limits';
import { unreadableSpendSources } from '../../utils/checkouts/unreadable';
import type { CheckoutList } from '../../utils/checkouts/store';
import { buildPrompt, MAX_HINT, purchaseDetails } from '../../utils/services/smartcheckout/userData';
import { t } from '../../utils/shared/i18n';
import { type ParsedMessage, sendMessage } from '../../utils/messages/messages';
import type { Detection } from '../../utils/product/detectInTab';
import type { Money } from '../../utils/money/money';
import { offerOf } from '../../utils/checkouts/reread';
import { cleanPageText } from '../../utils/product/pageText';
import { type ProductSnapshot } from '../../utils/product/snapshot';
import { offerChanged, withOptionOrder } from '../../utils/product/describe';
import type { Profile } from '../../utils/profiles/schema';
import { isSimulated, type ServiceId } from '../../utils/services/registry';
import type { Settings } from '../../utils/settings/settings';
import type { Notice } from './notice';

type StartMessage = Extract<ParsedMessage, { type: 'checkout:start' }> & { attemptId: string };

/** A purchase shown for confirmation: exactly the message that will be sent and the prompt the agent will read. */
interface Confirmation {
  request: StartMessage;
  prompt: string;
  limits: LimitCheck;
  /** The page's product when the user looked (compared with the page right before sending). */
  seen: ProductSnapshot | null;
  /** How the page's product changed since the user last looked, while asking again. */
  drift: { before: ProductSnapshot; after: ProductSnapshot } | null;
  /** Why the most the agent may spend, as the user typed it, cannot be used (the cap or limits leave less, say). */
  ceilingError?: string | null;
}

interface Props {
  /** The agent: Smartcheckout, or the built-in DEMO (which spends nothing, so no limit or cap applies). */
  service: ServiceId;
  /** What would be bought: the user's corrections, else what the page says. */
  product: ProductSnapshot;
  /** The page's product as the popup reads it now (null for a link target or an unreadable page). */
  detected: ProductSnapshot | null;
  detection: Detection | null;
  /** True when the user corrected the detected details (the page is no longer followed). */
  edited: boolean;
  /** The shop tab, read again right before sending; null for a link target. */
  tabId: number | null;
  settings: Settings;
  checkouts: CheckoutList | undefined;
  profile: Profile | null;
  /** The profile picker, rendered inside this form. */
  profilePicker: React.ReactNode;
  disabled: boolean;
  onNotice(notice: Notice | null): void;
  /** A purchase is on record (or may be, when the background did not answer) under this id. */
  onStarted(recordId: string): void;
  /** The quantity typed, when it is a valid one ("Add to cart" adds that many). */
  onQuantity?(quantity: number): void;
}

/**
 * An agent purchase: instructions, quantity, "Buy via Smartcheckout", and the confirmation step, which shows
 * exactly what will be sent and the most the agent may spend. Once confirmed, the purchase belongs to the
 * background: it reads the shop tab again and sends nothing if the price, currency or variant moved since the
 * user looked — shown here side by side and asked again while the popup is open, else in a notification.
 */
export function AgentPurchase(props: Props) {
  const { service, product, detected, detection, edited, tabId, settings, checkouts, profile, profilePicker, disabled, onNotice, onStarted } = props;
  // Text the user selected before choosing "Buy via Smartcheckout" from the context menu: page text, so a hint
  // about the product sent as data, never the user's instructions.
  const [hint] = useState(() => cleanPageText(new URLSearchParams(location.search).get('hint') ?? '', MAX_HINT));
  const ledger = useLedger();
  const [instructions, setInstructions] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  /** An attempt the background did not answer: "Try again" sends exactly it again (same attempt id). */
  const [unanswered, setUnanswered] = useState<StartMessage | null>(null);
  /** The attempt handed to the background last: if it comes back unsent (the page changed), it is asked again here. */
  const [sentId, setSentId] = useState<string | null>(null);
  /** The most the agent may spend, as the user set it in the confirmation; null for what the allowance gives. */
  const [ceiling, setCeiling] = useState<Money | null>(null);
  const ids = { instructions: useId(), quantity: useId() };
  const count = Number(quantity);
  useEffect(() => {
    if (Number.isInteger(count) && count >= 1 && count <= 99) props.onQuantity?.(count);
  }, [count]); // eslint-disable-line react-hooks/exhaustive-deps

  // Any correction of the product, or another profile, ends a pending confirmation (compared by content: the
  // popup rebuilds the product object on every render).
  const productKey = JSON.stringify(product);
  useEffect(() => {
    setConfirmation(null);
    setCeiling(null);
  }, [productKey, profile?.id]);

  /** The message that would be sent for `target`, with the limits and prompt it gets; null until everything is loaded. */
  function prepare(target: ProductSnapshot, attemptId: string, requested: Money | null = ceiling): { request: StartMessage; prompt: string; limits: LimitCheck } | null {
    if (!checkouts || !ledger || !profile) return null;
    const request: StartMessage = { type: 'checkout:start', service, product: target, quantity: count, profileId: profile.id, instructions, hint, attemptId, ...(requested ? { ceiling: requested } : {}) };
    const history = [...spendHistory(checkouts.records, ledger.entries), ...unreadableSpendSources([...checkouts.unreadable, ...ledger.unreadable], Date.now())];
    const limits = checkLimits({ price: target.price, currency: target.currency, quantity: count }, safetyFor(service, settings.safety), history, Date.now(), requested);
    return { request, limits, prompt: buildPrompt(purchaseDetails(request, profile, limits.maxSpend)) };
  }

  /** The user changed the most the agent may spend for this purchase: the confirmation shows what would be sent then. */
  function changeCeiling(requested: Money | null) {
    if (!confirmation) return;
    const prepared = prepare(confirmation.request.product, confirmation.request.attemptId, requested);
    if (!prepared) return;
    setCeiling(requested);
    // An amount the cap and limits do not allow keeps what was shown, says why, and cannot be confirmed.
    setConfirmation(prepared.limits.blocked ? { ...confirmation, ceilingError: prepared.limits.blocked } : { ...confirmation, ...prepared, ceilingError: null });
  }

  /** Shows the confirmation for `target` (or why it is blocked). `seen` is the page's product as the user now sees it. */
  function ask(target: ProductSnapshot, seen: ProductSnapshot | null, drift: Confirmation['drift'], attemptId: string) {
    const prepared = prepare(target, attemptId);
    if (!prepared) return;
    if (prepared.limits.blocked) {
      setConfirmation(null);
      onNotice({ text: prepared.limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    setConfirmation({ ...prepared, seen, drift });
  }

  /** The page's product changed since the user looked: nothing is sent; before and after are shown, and the user asked again. */
  function pageChanged(before: ProductSnapshot, after: ProductSnapshot, attemptId: string) {
    ask(edited ? product : after, after, { before, after }, attemptId);
  }

  // The background read the page once more and sent nothing: the page changed since the user looked. Asked again
  // here, as a new attempt, with before and after side by side.
  const sent = sentId ? checkouts?.records.find((r) => r.id === sentId) ?? null : null;
  useEffect(() => {
    if (!sent || sent.state !== 'not_sent') return;
    setSentId(null);
    if (!sent.drift) return;
    const page = detected ?? product;
    const order = Object.keys(page.variant?.options ?? {});
    const before = { ...page, ...sent.drift.before, variant: withOptionOrder(sent.drift.before.variant, order) };
    const after = { ...page, ...sent.drift.after, variant: withOptionOrder(sent.drift.after.variant, order) };
    ask(edited ? product : after, after, { before, after }, crypto.randomUUID());
  }, [sent?.state]); // eslint-disable-line react-hooks/exhaustive-deps

  // Followed while confirming, too.
  useEffect(() => {
    if (confirmation?.seen && detected && !edited && offerChanged(confirmation.seen, detected)) pageChanged(confirmation.seen, detected, confirmation.request.attemptId);
  }, [detected, confirmation]); // eslint-disable-line react-hooks/exhaustive-deps

  // Without an answer, what storage holds for this very attempt is the truth; until it holds anything, nothing was bought.
  const recorded = unanswered ? checkouts?.records.find((r) => r.id === unanswered.attemptId) ?? null : null;
  useEffect(() => {
    if (unanswered) onNotice({ text: recorded ? t('popupNoAnswerRecorded') : t('popupNoAnswer'), tone: 'error' });
  }, [unanswered, recorded === null]); // eslint-disable-line react-hooks/exhaustive-deps
  const canTryAgain = unanswered && (!recorded || recorded.state === 'starting');
  const demo = isSimulated(service);

  /** Form submit (button or Enter): validates, then asks for confirmation or buys. */
  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || confirmation) return;
    if (!Number.isInteger(count) || count < 1 || count > 99) {
      onNotice({ text: t('popupQuantityInvalid'), tone: 'error' });
      return;
    }
    if ((detection?.kind === 'no-product' || detection?.kind === 'link') && !instructions.trim() && !hint && !edited) {
      onNotice({ text: t('popupDescribeWhatToBuy'), tone: 'error' });
      return;
    }
    const attemptId = crypto.randomUUID();
    const prepared = prepare(product, attemptId);
    if (!prepared) return;
    if (prepared.limits.blocked) {
      onNotice({ text: prepared.limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    onNotice(null);
    setUnanswered(null);
    // An unknown price or another currency leaves a limit unchecked: such a purchase is always confirmed.
    if (settings.safety.confirmEachPurchase || prepared.limits.unchecked.length) ask(product, detected, null, attemptId);
    else void send(prepared.request, detected);
  }

  /**
   * Hands a purchase to the background, with the shop tab and its offer as the user saw it: the background reads
   * the page once more and sends nothing if it moved. "Starting…" shows from the click.
   */
  async function send(message: StartMessage, seen: ProductSnapshot | null) {
    if (busy) return;
    setBusy(true);
    try {
      onNotice({ text: t('popupStarting'), tone: 'info' });
      await deliver(tabId !== null && seen ? { ...message, tabId, seen: offerOf(seen) } : message);
    } finally {
      setBusy(false);
    }
  }

  async function deliver(message: StartMessage) {
    try {
      const reply = await sendMessage(message);
      setUnanswered(null);
      if (reply.ok) {
        setConfirmation(null);
        setCeiling(null);
        setSentId(reply.record.id);
        onStarted(reply.record.id);
        onNotice(reply.duplicate ? { text: t('popupDuplicate'), tone: 'info' } : null);
      } else if (reply.code === 'needs_confirmation' || reply.code === 'confirmation_changed') {
        // The background decides what needs confirming: show exactly what it would send now.
        ask(message.product, confirmation?.seen ?? detected, null, message.attemptId);
        onNotice({ text: reply.message, tone: 'error' });
      } else {
        setConfirmation(null);
        onNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_profile', 'no_access', 'over_limit'].includes(reply.code) });
      }
    } catch {
      // No answer: the background may have stopped in the middle of starting. What it recorded for this very
      // attempt is the truth; show that, and let "Try again" send this same attempt, never a new one.
      setConfirmation(null);
      setUnanswered(message);
      onStarted(message.attemptId);
      // Any message wakes the background, which then settles an interrupted start as "outcome unknown".
      void sendMessage({ type: 'checkouts:seen' }).catch(() => {});
    }
  }

  /** Any change to what would be bought ends a pending confirmation. */
  function edit<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setConfirmation(null);
    };
  }

  return (
    <>
      {hint ? <p className="hint-text">{t('popupHint', hint)}</p> : null}
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

        {confirmation ? null : (
          <button type="submit" className="primary buy" disabled={busy || disabled || !profile}>
            {demo ? t('popupBuyDemo') : t('popupBuy')}
          </button>
        )}
      </form>

      {confirmation && profile ? (
        <ConfirmPurchase
          product={confirmation.request.product}
          quantity={confirmation.request.quantity}
          profile={profile}
          prompt={confirmation.prompt}
          maxSpend={confirmation.limits.maxSpend}
          ceiling={confirmation.limits.ceiling}
          mostCeiling={confirmation.limits.mostCeiling}
          ceilingError={confirmation.ceilingError ?? null}
          onCeiling={changeCeiling}
          uncheckedNote={confirmation.limits.uncheckedNote}
          drift={confirmation.drift}
          busy={busy}
          onConfirm={() => void send({ ...confirmation.request, confirmedPrompt: confirmation.prompt }, confirmation.seen)}
          onCancel={() => setConfirmation(null)}
        />
      ) : null}
      {canTryAgain ? (
        <button type="button" onClick={() => void send(unanswered, detected)} disabled={busy}>
          {t('popupTryAgain')}
        </button>
      ) : null}
    </>
  );
}
