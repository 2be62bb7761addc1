import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { ConfirmPurchase } from '../../components/ConfirmPurchase';
import { ProductCard } from '../../components/ProductCard';
import { ProductEditor } from '../../components/ProductEditor';
import { PurchaseList } from '../../components/PurchaseList';
import { useCheckouts, useStored } from '../../components/useStored';
import { checkLimits } from '../../utils/checkouts/limits';
import { describeState, isFinal } from '../../utils/checkouts/record';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messages';
import { type Detection, detectInTab, linkTarget, targetTabId } from '../../utils/product/detectInTab';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { defaultProfile, profilesStorage } from '../../utils/profiles/storage';
import { settingsStorage } from '../../utils/settings';

type Notice = { text: string; tone: 'info' | 'error' | 'ok'; needsOptions?: boolean };

const RECENT_COUNT = 5;
/** How often the popup re-reads the page while open, so it follows the shopper's selection. */
const FOLLOW_INTERVAL_MS = 1500;

const sameProduct = (a: Detection | null, b: Detection | null) => JSON.stringify(a) === JSON.stringify(b);

export function Popup() {
  const [detection, setDetection] = useState<Detection | null>(null);
  const settings = useStored(settingsStorage);
  const profiles = useStored(profilesStorage);
  const checkouts = useCheckouts();
  const [profileId, setProfileId] = useState('');
  // Text the user selected before choosing "Buy via Smartcheckout" from the context menu.
  const [instructions, setInstructions] = useState(() => (new URLSearchParams(location.search).get('instructions') ?? '').slice(0, 2000));
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
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
      const tabId = await targetTabId(location.search);
      if (tabId === null) {
        setDetection({ kind: 'unreadable', message: t('popupNoTab') });
        return;
      }
      // Read the page now, then again while the popup is open: the shopper may change size or colour.
      const follow = async () => {
        if (stopped) return;
        if (document.visibilityState === 'visible') {
          const next = await detectInTab(tabId);
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

  // A change on the page while confirming ends the confirmation: what was confirmed is no longer what is selected.
  const detectedKey = JSON.stringify(detection);
  const [confirmedKey, setConfirmedKey] = useState<string | null>(null);
  useEffect(() => {
    if (confirming && confirmedKey !== null && confirmedKey !== detectedKey && !edited) {
      setConfirming(false);
      setNotice({ text: t('popupSelectionChanged'), tone: 'error' });
    }
  }, [detectedKey, confirming, confirmedKey, edited]);

  useEffect(() => {
    if (profiles && !profileId) setProfileId(defaultProfile(profiles)?.id ?? '');
  }, [profiles, profileId]);

  const active = useMemo(() => checkouts?.records.find((r) => r.id === activeId) ?? null, [checkouts, activeId]);
  const detected = detection && detection.kind !== 'unreadable' ? detection.product : null;
  const product = edited ?? detected;
  const missingKey = settings !== undefined && !settings.apiKey;
  const noProfiles = profiles !== undefined && profiles.profiles.length === 0;

  const profile = profiles?.profiles.find((p) => p.id === profileId) ?? null;
  const count = Number(quantity);
  const limits =
    product && settings && checkouts && Number.isInteger(count) && count >= 1
      ? checkLimits({ price: product.price, currency: product.currency, quantity: count }, settings.safety, checkouts.records, Date.now())
      : null;

  /** Form submit (button or Enter): validates, then asks for confirmation or buys. */
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!product || busy || confirming) return;
    if (!Number.isInteger(count) || count < 1 || count > 99) {
      setNotice({ text: t('popupQuantityInvalid'), tone: 'error' });
      return;
    }
    if ((detection?.kind === 'no-product' || detection?.kind === 'link') && !instructions.trim() && !edited) {
      setNotice({ text: t('popupDescribeWhatToBuy'), tone: 'error' });
      return;
    }
    if (limits?.blocked) {
      setNotice({ text: limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    setNotice(null);
    setActiveId(null);
    if (settings?.safety.confirmEachPurchase) {
      setConfirmedKey(detectedKey);
      setConfirming(true);
    }
    else void start();
  }

  async function start() {
    if (!product || busy) return;
    setBusy(true);
    setNotice({ text: t('popupStarting'), tone: 'info' });
    try {
      const reply = await sendMessage({ type: 'checkout:start', product, quantity: count, profileId, instructions });
      if (reply.ok) {
        setActiveId(reply.record.id);
        setNotice(reply.duplicate ? { text: t('popupDuplicate'), tone: 'info' } : null);
      } else {
        setNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_profile', 'no_access', 'over_limit'].includes(reply.code) });
      }
    } catch {
      setNotice({ text: t('popupNoAnswer'), tone: 'error' });
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

  const statusText = active
    ? `${notice ? `${notice.text} ` : ''}${t('popupStatusLine', active.product.name ?? t('popupPurchase'), describeState(active))}`
    : notice?.text ?? '';
  const statusTone = active ? (active.state === 'completed' ? 'ok' : isFinal(active) || active.state === 'outcome_unknown' ? 'error' : 'info') : notice?.tone;

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
      {detection?.kind === 'no-product' ? (
        <p className="muted">{t('popupNoProduct')}</p>
      ) : null}
      {product && (detection?.kind === 'product' || edited) && !editing ? <ProductCard product={product} /> : null}
      {product && !editing && !confirming ? (
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
            setConfirming(false);
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

          {confirming ? null : (
            <button type="submit" className="primary buy" disabled={busy || missingKey || noProfiles || !profileId}>
              {t('popupBuy')}
            </button>
          )}
        </form>
      ) : null}

      {confirming && product && profile && limits ? (
        <ConfirmPurchase
          product={product}
          quantity={count}
          profile={profile}
          cap={settings?.safety.maxPrice ?? null}
          limits={limits}
          busy={busy}
          onConfirm={() => void start()}
          onCancel={() => setConfirming(false)}
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

      {checkouts && checkouts.records.length ? (
        <section className="recent" aria-label={t('popupRecent')}>
          <h2>{t('popupRecent')}</h2>
          <PurchaseList records={checkouts.records.slice(0, RECENT_COUNT)} onCheckAgain={(id) => void sendMessage({ type: 'checkout:recheck', id })}
          onResolve={(id) => void sendMessage({ type: 'checkout:resolve', id })} />
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
