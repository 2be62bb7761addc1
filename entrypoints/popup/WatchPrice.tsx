import { type FormEvent, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeVariant } from '../../utils/product/describe';
import { fromUnits, parseAmount } from '../../utils/money/money';
import { sendMessage } from '../../utils/messages/messages';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import type { Profile } from '../../utils/profiles/schema';
import type { Settings } from '../../utils/settings/settings';
import { t, uiLanguage } from '../../utils/shared/i18n';
import { defaultTarget, mandateCeiling, untilBounds } from '../../utils/watch/mandate';
import type { Notice } from './notice';

const DAY_MS = 86_400_000;
/** A date input's value (yyyy-mm-dd) for a time, in local time. */
const dateValue = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Props {
  product: ProductSnapshot;
  settings: Settings;
  profiles: Profile[];
  profileId: string;
  onNotice(notice: Notice): void;
}

/**
 * "Watch price": a small form for a price watch on this product. "Buy automatically" shows the mandate in plain
 * words before saving; saving asks the browser for this one shop's site (the price is read there without cookies).
 */
export function WatchPrice({ product, settings, profiles, profileId: initialProfile, onNotice }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [now] = useState(() => Date.now());
  const { defaultUntil, latest } = untilBounds(now);
  const [target, setTarget] = useState(() => defaultTarget(product.price) ?? '');
  const [until, setUntil] = useState(() => dateValue(defaultUntil));
  const [quantity, setQuantity] = useState('1');
  const [profileId, setProfileId] = useState(initialProfile);
  const [instructions, setInstructions] = useState('');
  const [mode, setMode] = useState<'notify' | 'buy'>('notify');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const currency = product.currency!;
  const page = new URL(product.url);
  // The popup's profile, else the first: the popup may not have chosen one yet when the form opens.
  const profile = profiles.find((p) => p.id === profileId) ?? profiles[0] ?? null;

  const units = parseAmount(target);
  const count = Number(quantity);
  const validQuantity = Number.isInteger(count) && count >= 1 && count <= 99;
  const targetMoney = units && units.units > 0 && (units.currency === null || units.currency === currency) ? { amount: fromUnits(units.units), currency } : null;
  // The end of the chosen day, never past 90 days from now.
  const untilAt = Math.min(new Date(`${until}T23:59:59`).getTime(), latest);
  const ceiling = targetMoney && validQuantity ? mandateCeiling(targetMoney, count, settings.safety) : null;
  const untilText = Number.isFinite(untilAt) ? new Date(untilAt).toLocaleDateString(uiLanguage(), { dateStyle: 'long' }) : '';

  async function save(event: FormEvent) {
    event.preventDefault();
    setError('');
    if (!targetMoney) return setError(t('watchBadTarget'));
    if (!validQuantity) return setError(t('popupQuantityInvalid'));
    if (!Number.isFinite(untilAt) || untilAt <= Date.now()) return setError(t('watchBadUntil'));
    if (!profile) return setError(t('startNoProfile'));
    setSaving(true);
    // Asked inside the click: this one shop's site, so the price can be read there later.
    const granted = await browser.permissions.request({ origins: [`${page.protocol}//${page.hostname}/*`] }).catch(() => false);
    if (!granted) {
      setSaving(false);
      return setError(t('watchNoAccess'));
    }
    const reply = await sendMessage({ type: 'watch:create', product, target: targetMoney, quantity: count, profileId: profile.id, instructions, mode, until: untilAt });
    setSaving(false);
    if (!reply.ok) return setError(reply.message);
    setOpen(false);
    onNotice({ text: t('watchSaved', `${targetMoney.amount} ${currency}`), tone: 'ok' });
  }

  if (!open) {
    return (
      <p>
        <button type="button" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('watchButton')}
        </button>
      </p>
    );
  }
  return (
    <form className="watch-form" aria-label={t('watchButton')} onSubmit={(e) => void save(e)}>
      <h2>{t('watchButton')}</h2>
      <label htmlFor={`${id}-target`}>{t('watchTarget')}</label>
      <span className="watch-form__money">
        <input id={`${id}-target`} inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} aria-describedby={`${id}-currency`} />
        <span id={`${id}-currency`}>{currency}</span>
      </span>
      <label htmlFor={`${id}-until`}>{t('watchUntil')}</label>
      <input id={`${id}-until`} type="date" value={until} min={dateValue(now + DAY_MS)} max={dateValue(latest)} onChange={(e) => setUntil(e.target.value)} />
      <label htmlFor={`${id}-quantity`}>{t('popupQuantity')}</label>
      <input id={`${id}-quantity`} type="number" min={1} max={99} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      <label htmlFor={`${id}-profile`}>{t('popupShippingProfile')}</label>
      <select id={`${id}-profile`} value={profile?.id ?? ''} onChange={(e) => setProfileId(e.target.value)}>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-instructions`}>{t('popupInstructions')}</label>
      <textarea id={`${id}-instructions`} maxLength={2000} value={instructions} onChange={(e) => setInstructions(e.target.value)} />
      <fieldset>
        <legend>{t('watchWhenReached')}</legend>
        <label className="choice">
          <input type="radio" name={`${id}-mode`} checked={mode === 'notify'} onChange={() => setMode('notify')} /> {t('watchNotifyMe')}
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-mode`} checked={mode === 'buy'} onChange={() => setMode('buy')} /> {t('watchBuyAutomatically')}
        </label>
      </fieldset>
      {mode === 'buy' && ceiling && profile ? (
        <p className="watch-mandate" role="note">
          {t('watchMandate', product.name ?? product.url, describeVariant(product.variant) || '—', count, `${ceiling.amount} ${ceiling.currency}`, `${profile.label} (${profile.address1}, ${profile.city})`, untilText)}
        </p>
      ) : null}
      <p className="hint">{t('watchAccessWhy', page.hostname)}</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={saving}>
        {t('watchSave')}
      </button>{' '}
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {t('watchCancel')}
      </button>
    </form>
  );
}
