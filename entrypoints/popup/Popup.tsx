import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { ConfirmPurchase } from '../../components/ConfirmPurchase';
import { ProductCard } from '../../components/ProductCard';
import { ProductEditor } from '../../components/ProductEditor';
import { PurchaseList } from '../../components/PurchaseList';
import { useCheckouts, useLedger, useStored } from '../../components/useStored';
import { checkLimits, type LimitCheck, spendHistory } from '../../utils/checkouts/limits';
import { type CheckoutRecord, describeState, isFinal } from '../../utils/checkouts/record';
import { readCheckouts } from '../../utils/checkouts/store';
import { buildPrompt, MAX_HINT, purchaseDetails } from '../../utils/checkouts/userData';
import { t } from '../../utils/i18n';
import { type Message, sendMessage } from '../../utils/messages';
import { type Detection, detectInTab, linkTarget, targetTabId } from '../../utils/product/detectInTab';
import { cleanPageText } from '../../utils/product/pageText';
import { offerChanged, type ProductSnapshot } from '../../utils/product/snapshot';
import { defaultProfile, profilesStorage } from '../../utils/profiles/storage';
import { settingsStorage } from '../../utils/settings';

type Notice = { text: string; tone: 'info' | 'error' | 'ok'; needsOptions?: boolean };
type StartMessage = Extract<Message, { type: 'checkout:start' }> & { attemptId: string };

/** A purchase shown for confirmation: exactly the message that will be sent and the prompt the agent will read. */
interface Confirmation {
  request: StartMessage;
  prompt: string;
  limits: LimitCheck;
  /** The page's product when the user looked (compared with the page right before sending). */
  seen: ProductSnapshot | null;
  /** How the page's product changed since the user last looked, while asking again. */
  drift: { before: ProductSnapshot; after: ProductSnapshot } | null;
}

const RECENT_COUNT = 5;
/** How often the popup re-reads the page while open, so it follows the shopper's selection. */
const FOLLOW_INTERVAL_MS = 1500;

const sameProduct = (a: Detection | null, b: Detection | null) => JSON.stringify(a) === JSON.stringify(b);

export function Popup() {
  const [detection, setDetection] = useState<Detection | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const settings = useStored(settingsStorage);
  const profiles = useStored(profilesStorage);
  const checkouts = useCheckouts();
  const ledger = useLedger();
  const [profileId, setProfileId] = useState('');
  // Text the user selected before choosing "Buy via Smartcheckout" from the context menu: page text, so a hint
  // about the product sent as data, never the user's instructions.
  const [hint] = useState(() => cleanPageText(new URLSearchParams(location.search).get('hint') ?? '', MAX_HINT));
  const [instructions, setInstructions] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  /** An attempt the background did not answer, and what storage held for it then: "Try again" sends exactly it again (same attempt id). */
  const [unanswered, setUnanswered] = useState<{ message: StartMessage; recorded: CheckoutRecord | null } | null>(null);
  /** The user's corrections; while set, the popup stops following the page. */
  const [edited, setEdited] = useState<ProductSnapshot | null>(null);
  const [editing, setEditing] = useState(false);
  const ids = { profile: useId(), instructions: useId(), quantity: useId() };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // Opening the popup is looking at the purchases: failed ones stop showing on the badge.
    void sendMessage({ type: 'checkouts:seen' }).catch(() => {});
    const link = linkTarget(location.search);
    if (link) {
      setDetection(link);
      return;
    }
    void (async () => {
      const target = await targetTabId(location.search);
      if (target === null) {
        setDetection({ kind: 'unreadable', message: t('popupNoTab') });
        return;
      }
      setTabId(target);
      // Read the page now, then again while the popup is open: the shopper may change size or colour.
      const follow = async () => {
        if (stopped) return;
        if (document.visibilityState === 'visible') {
          const next = await detectInTab(target);
          setDetection((previous) => (sameProduct(previous, next) ? previous : next));
        }
        timer = setTimeout(() => void follow(), FOLLOW_INTERVAL_MS);
      };
      await follow();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (profiles && !profileId) setProfileId(defaultProfile(profiles)?.id ?? '');
  }, [profiles, profileId]);

  const active = useMemo(
    () => checkouts?.records.find((r) => r.id === activeId) ?? (unanswered?.recorded?.id === activeId ? unanswered.recorded : null),
    [checkouts, activeId, unanswered],
  );
  const detected = detection && detection.kind !== 'unreadable' ? detection.product : null;
  // A page that shows no product has nothing to say about one: only its address is sent, with the user's words.
  const fromPage = detection?.kind === 'no-product' ? { ...detection.product, name: null, image: null, price: null, currency: null, variant: null } : detected;
  const product = edited ?? fromPage;
  const missingKey = settings !== undefined && !settings.apiKey;
  const noProfiles = profiles !== undefined && profiles.profiles.length === 0;
  const profile = profiles?.profiles.find((p) => p.id === profileId) ?? null;
  const count = Number(quantity);

  /** The message that would be sent for `target`, with the limits and prompt it gets; null until everything is loaded. */
  function prepare(target: ProductSnapshot, attemptId: string): { request: StartMessage; prompt: string; limits: LimitCheck } | null {
    if (!settings || !checkouts || !ledger || !profile) return null;
    const request: StartMessage = { type: 'checkout:start', product: target, quantity: count, profileId, instructions, hint, attemptId };
    const history = spendHistory(checkouts.records, ledger.entries);
    const limits = checkLimits({ price: target.price, currency: target.currency, quantity: count }, settings.safety, history, Date.now());
    return { request, limits, prompt: buildPrompt(purchaseDetails(request, profile, limits.maxSpend)) };
  }

  /** Shows the confirmation for `target` (or why it is blocked). `seen` is the page's product as the user now sees it. */
  function ask(target: ProductSnapshot, seen: ProductSnapshot | null, drift: Confirmation['drift'], attemptId: string) {
    const prepared = prepare(target, attemptId);
    if (!prepared) return;
    if (prepared.limits.blocked) {
      setConfirmation(null);
      setNotice({ text: prepared.limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    setConfirmation({ ...prepared, seen, drift });
  }

  /** The page's product changed since the user looked: nothing is sent; before and after are shown, and the user asked again. */
  function pageChanged(before: ProductSnapshot, after: ProductSnapshot, attemptId: string) {
    ask(edited ?? after, after, { before, after }, attemptId);
  }

  // Followed while confirming, too.
  useEffect(() => {
    if (confirmation?.seen && detected && offerChanged(confirmation.seen, detected)) pageChanged(confirmation.seen, detected, confirmation.request.attemptId);
  }, [detected, confirmation]);

  /** Form submit (button or Enter): validates, then asks for confirmation or buys. */
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!product || busy || confirmation) return;
    if (!Number.isInteger(count) || count < 1 || count > 99) {
      setNotice({ text: t('popupQuantityInvalid'), tone: 'error' });
      return;
    }
    if ((detection?.kind === 'no-product' || detection?.kind === 'link') && !instructions.trim() && !hint && !edited) {
      setNotice({ text: t('popupDescribeWhatToBuy'), tone: 'error' });
      return;
    }
    const attemptId = crypto.randomUUID();
    const prepared = prepare(product, attemptId);
    if (!prepared) return;
    if (prepared.limits.blocked) {
      setNotice({ text: prepared.limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    setNotice(null);
    setActiveId(null);
    setUnanswered(null);
    // An unknown price or another currency leaves a limit unchecked: such a purchase is always confirmed.
    if (settings?.safety.confirmEachPurchase || prepared.limits.unchecked.length) ask(product, detected, null, attemptId);
    else void send(prepared.request, detected);
  }

  /**
   * Sends a purchase. Right before, the shop tab is read again: if the price, currency or variant moved since
   * the user looked, nothing is sent and the confirmation shows before and after.
   */
  async function send(message: StartMessage, seen: ProductSnapshot | null) {
    if (busy) return;
    setBusy(true);
    try {
      if (tabId !== null && seen) {
        const fresh = await detectInTab(tabId);
        if (fresh.kind !== 'unreadable' && offerChanged(seen, fresh.product)) {
          setDetection(fresh);
          pageChanged(seen, fresh.product, message.attemptId);
          return;
        }
      }
      setNotice({ text: t('popupStarting'), tone: 'info' });
      await deliver(message);
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
        setActiveId(reply.record.id);
        setNotice(reply.duplicate ? { text: t('popupDuplicate'), tone: 'info' } : null);
      } else if (reply.code === 'needs_confirmation' || reply.code === 'confirmation_changed') {
        // The background decides what needs confirming: show exactly what it would send now.
        ask(message.product, confirmation?.seen ?? detected, null, message.attemptId);
        setNotice({ text: reply.message, tone: 'error' });
      } else {
        setConfirmation(null);
        setNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_profile', 'no_access', 'over_limit'].includes(reply.code) });
      }
    } catch {
      // No answer: the background may have stopped in the middle of starting. What it recorded for this very
      // attempt (read from storage now, not from what this page last heard) is the truth; show that, and let
      // "Try again" send this same attempt, never a new one.
      const recorded = (await readCheckouts().catch(() => null))?.records.find((r) => r.id === message.attemptId) ?? null;
      setConfirmation(null);
      setUnanswered({ message, recorded });
      setActiveId(message.attemptId);
      setNotice(null);
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

  const statusText = active
    ? `${notice ? `${notice.text} ` : ''}${unanswered ? `${t('popupNoAnswerRecorded')} ` : ''}${t('popupStatusLine', active.product.name ?? t('popupPurchase'), describeState(active))}`
    : unanswered
      ? t('popupNoAnswer')
      : notice?.text ?? '';
  const statusTone = active ? (active.state === 'completed' ? 'ok' : isFinal(active) || active.state === 'outcome_unknown' ? 'error' : 'info') : unanswered ? 'error' : notice?.tone;
  const canTryAgain = unanswered && (!active || active.state === 'starting');

  return (
    <main>
      <header className="popup-header">
        <h1>{t('extName')}</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popupOptionsLink')}
        </a>
      </header>

      {detection === null ? <p className="muted">{t('popupReading')}</p> : null}
      {detection?.kind === 'unreadable' ? <p className="error">{detection.message}</p> : null}
      {detection?.kind === 'link' ? (
        <p>
          {t('popupLinkBefore')} <span className="link-url">{detection.product.url}</span>. {t('popupLinkAfter')}
        </p>
      ) : null}
      {detection?.kind === 'no-product' ? <p className="muted">{t('popupNoProduct')}</p> : null}
      {product && (detection?.kind === 'product' || edited) && !editing ? <ProductCard product={product} /> : null}
      {hint ? <p className="hint-text">{t('popupHint', hint)}</p> : null}
      {product && !editing && !confirmation ? (
        <p className="edit-links">
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('popupEditDetails')}
          </button>
          {edited ? (
            <button type="button" className="link" onClick={() => setEdited(null)}>
              {t('popupUsePageDetails')}
            </button>
          ) : null}
        </p>
      ) : null}
      {product && editing ? (
        <ProductEditor
          product={product}
          onSave={(next) => {
            setEdited(next);
            setEditing(false);
            setConfirmation(null);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}

      {missingKey ? (
        <p className="error">
          {t('popupNeedKeyBefore')} <OptionsLink /> {t('popupNeedKeyAfter')}
        </p>
      ) : null}
      {noProfiles ? (
        <p className="error">
          {t('popupNeedProfileBefore')} <OptionsLink /> {t('popupNeedProfileAfter')}
        </p>
      ) : null}

      {product ? (
        <form onSubmit={submit} noValidate>
          <label htmlFor={ids.profile}>{t('popupShippingProfile')}</label>
          <select id={ids.profile} value={profileId} onChange={(e) => edit(setProfileId)(e.target.value)} disabled={noProfiles}>
            {profiles?.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} — {p.firstName} {p.lastName}, {p.city}
              </option>
            ))}
          </select>

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
            <button type="submit" className="primary buy" disabled={busy || missingKey || noProfiles || !profileId}>
              {t('popupBuy')}
            </button>
          )}
        </form>
      ) : null}

      {confirmation && profile ? (
        <ConfirmPurchase
          product={confirmation.request.product}
          quantity={confirmation.request.quantity}
          profile={profile}
          prompt={confirmation.prompt}
          maxSpend={confirmation.limits.maxSpend}
          uncheckedNote={confirmation.limits.uncheckedNote}
          drift={confirmation.drift}
          busy={busy}
          onConfirm={() => void send({ ...confirmation.request, confirmedPrompt: confirmation.prompt }, confirmation.seen)}
          onCancel={() => setConfirmation(null)}
        />
      ) : null}

      <div role="status" aria-live="polite" className={`status status--${statusTone ?? 'info'}`}>
        {statusText}
        {notice?.needsOptions && !active ? (
          <>
            {' '}
            <OptionsLink />
          </>
        ) : null}
      </div>
      {canTryAgain ? (
        <button type="button" onClick={() => void send(unanswered.message, detected)} disabled={busy}>
          {t('popupTryAgain')}
        </button>
      ) : null}

      {checkouts && checkouts.records.length ? (
        <section className="recent" aria-label={t('popupRecent')}>
          <h2>{t('popupRecent')}</h2>
          <PurchaseList
            records={checkouts.records.slice(0, RECENT_COUNT)}
            onCheckAgain={(id) => void sendMessage({ type: 'checkout:recheck', id })}
            onResolve={(id) => void sendMessage({ type: 'checkout:resolve', id })}
          />
        </section>
      ) : null}
    </main>
  );
}

function OptionsLink() {
  return (
    <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
      {t('popupOptionsLink')}
    </a>
  );
}
