import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { ConfirmPurchase } from '../../components/ConfirmPurchase';
import { ProductCard } from '../../components/ProductCard';
import { PurchaseList } from '../../components/PurchaseList';
import { useCheckouts, useStored } from '../../components/useStored';
import { checkLimits } from '../../utils/checkouts/limits';
import { describeState, isFinal } from '../../utils/checkouts/record';
import { sendMessage } from '../../utils/messages';
import { type Detection, detectInTab, targetTabId } from '../../utils/product/detectInTab';
import { defaultProfile, profilesStorage } from '../../utils/profiles/storage';
import { settingsStorage } from '../../utils/settings';

type Notice = { text: string; tone: 'info' | 'error' | 'ok'; needsOptions?: boolean };

const RECENT_COUNT = 5;

export function Popup() {
  const [detection, setDetection] = useState<Detection | null>(null);
  const settings = useStored(settingsStorage);
  const profiles = useStored(profilesStorage);
  const checkouts = useCheckouts();
  const [profileId, setProfileId] = useState('');
  const [instructions, setInstructions] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const ids = { profile: useId(), instructions: useId(), quantity: useId() };

  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId(location.search);
      setDetection(tabId === null ? { kind: 'unreadable', message: 'No tab to read.' } : await detectInTab(tabId));
    })();
  }, []);

  useEffect(() => {
    if (profiles && !profileId) setProfileId(defaultProfile(profiles)?.id ?? '');
  }, [profiles, profileId]);

  const active = useMemo(() => checkouts?.records.find((r) => r.id === activeId) ?? null, [checkouts, activeId]);
  const product = detection && detection.kind !== 'unreadable' ? detection.product : null;
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
      setNotice({ text: 'Quantity must be a whole number from 1 to 99.', tone: 'error' });
      return;
    }
    if (detection?.kind === 'no-product' && !instructions.trim()) {
      setNotice({ text: 'No product was detected here: describe what to buy in Instructions.', tone: 'error' });
      return;
    }
    if (limits?.blocked) {
      setNotice({ text: limits.blocked, tone: 'error', needsOptions: true });
      return;
    }
    setNotice(null);
    setActiveId(null);
    if (settings?.safety.confirmEachPurchase) setConfirming(true);
    else void start();
  }

  async function start() {
    if (!product || busy) return;
    setBusy(true);
    setNotice({ text: 'Starting the purchase…', tone: 'info' });
    try {
      const reply = await sendMessage({ type: 'checkout:start', product, quantity: count, profileId, instructions });
      if (reply.ok) {
        setActiveId(reply.record.id);
        setNotice(reply.duplicate ? { text: 'You already started this purchase a moment ago; here it is.', tone: 'info' } : null);
      } else {
        setNotice({ text: reply.message, tone: 'error', needsOptions: ['auth', 'no_api_key', 'no_profile', 'over_limit'].includes(reply.code) });
      }
    } catch {
      setNotice({ text: 'The extension did not answer. Nothing was bought; try again.', tone: 'error' });
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
    ? `${notice ? `${notice.text} ` : ''}${active.product.name ?? 'Purchase'}: ${describeState(active)}`
    : notice?.text ?? '';
  const statusTone = active ? (active.state === 'completed' ? 'ok' : isFinal(active) || active.state === 'outcome_unknown' ? 'error' : 'info') : notice?.tone;

  return (
    <main>
      <header className="popup-header">
        <h1>Smartcheckout</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </header>

      {detection === null ? <p className="muted">Reading this page…</p> : null}
      {detection?.kind === 'unreadable' ? <p className="error">{detection.message}</p> : null}
      {detection?.kind === 'no-product' ? (
        <p className="muted">No product detected on this page. You can still buy from this page: describe what you want in Instructions.</p>
      ) : null}
      {detection?.kind === 'product' ? <ProductCard product={detection.product} /> : null}

      {missingKey ? (
        <p className="error">
          Add your Smartcheckout API key in <OptionsLink /> before buying.
        </p>
      ) : null}
      {noProfiles ? (
        <p className="error">
          Add a shipping profile in <OptionsLink /> before buying.
        </p>
      ) : null}

      {product ? (
        <form onSubmit={submit} noValidate>
          <label htmlFor={ids.profile}>Shipping profile</label>
          <select id={ids.profile} value={profileId} onChange={(e) => edit(setProfileId)(e.target.value)} disabled={noProfiles}>
            {profiles?.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} — {p.firstName} {p.lastName}, {p.city}
              </option>
            ))}
          </select>

          <label htmlFor={ids.instructions}>Instructions</label>
          <textarea
            id={ids.instructions}
            value={instructions}
            maxLength={2000}
            placeholder="Anything the agent should know, e.g. gift wrap, no substitutes"
            onChange={(e) => edit(setInstructions)(e.target.value)}
          />

          <label htmlFor={ids.quantity}>Quantity</label>
          <input id={ids.quantity} type="number" inputMode="numeric" min={1} max={99} step={1} value={quantity} onChange={(e) => edit(setQuantity)(e.target.value)} />

          {confirming ? null : (
            <button type="submit" className="primary buy" disabled={busy || missingKey || noProfiles || !profileId}>
              Buy via Smartcheckout
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
        <section className="recent" aria-label="Recent purchases">
          <h2>Recent purchases</h2>
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
      Options
    </a>
  );
}
