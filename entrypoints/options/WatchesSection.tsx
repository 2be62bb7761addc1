import { useId, useState } from 'react';
import { useStored } from '../../components/useStored';
import { sendMessage } from '../../utils/messages/messages';
import { describeVariant } from '../../utils/product/describe';
import { type MessageKey, t, uiLanguage } from '../../utils/shared/i18n';
import type { Watch, WatchStatus } from '../../utils/watch/schema';
import { watchStorage } from '../../utils/watch/store';
import { PriceChart } from './PriceChart';

const STATUS: Record<WatchStatus, MessageKey> = {
  watching: 'watchStatusWatching',
  bought: 'watchStatusBought',
  expired: 'watchStatusExpired',
  paused: 'watchStatusPaused',
  cannot_read: 'watchStatusCannotRead',
};

const when = (time: number) => new Date(time).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
const money = (m: { amount: string; currency: string } | null) => (m ? `${m.amount} ${m.currency}` : '—');

/** "Price watches": each watch, its prices over time, "Check now", "Pause" (and resume), "Delete". */
export function WatchesSection() {
  const state = useStored(watchStorage);
  const heading = useId();
  const [notice, setNotice] = useState('');
  if (!state) return null;

  async function act(message: Parameters<typeof sendMessage>[0]) {
    const reply = (await sendMessage(message)) as { ok: boolean; message?: string };
    setNotice(reply.ok ? '' : reply.message ?? '');
  }

  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{t('watchesHeading')}</h2>
      {state.watches.length === 0 ? <p>{t('watchesEmpty')}</p> : null}
      <ul className="watch-list">
        {state.watches.map((watch) => (
          <WatchEntry key={watch.id} watch={watch} onAct={(m) => void act(m)} />
        ))}
      </ul>
      <p role="status" className="status">
        {notice}
      </p>
    </section>
  );
}

function WatchEntry({ watch, onAct }: { watch: Watch; onAct: (message: Parameters<typeof sendMessage>[0]) => void }) {
  const name = watch.product.name ?? watch.product.url;
  const variant = describeVariant(watch.product.variant);
  const ended = watch.status === 'bought' || watch.status === 'expired';
  return (
    <li className="watch" aria-label={name}>
      <h3>
        <a href={watch.product.url} target="_blank" rel="noreferrer">
          {name}
        </a>
      </h3>
      <dl className="watch__facts">
        {variant ? (
          <>
            <dt>{t('watchVariant')}</dt>
            <dd>{variant}</dd>
          </>
        ) : null}
        <dt>{t('watchTarget')}</dt>
        <dd>{money(watch.target)}</dd>
        <dt>{t('watchLastPrice')}</dt>
        <dd>{watch.lastReadAt ? t('watchLastPriceRead', money(watch.lastPrice), when(watch.lastReadAt)) : '—'}</dd>
        <dt>{t('watchStatus')}</dt>
        <dd>{t(STATUS[watch.status])}</dd>
        <dt>{t('watchUntil')}</dt>
        <dd>{when(watch.until)}</dd>
        <dt>{t('watchWhenReached')}</dt>
        <dd>{watch.mandate ? t('watchModeBuy', money(watch.mandate.ceiling), watch.mandate.profileLabel) : t('watchNotifyMe')}</dd>
      </dl>
      {watch.lastNote ? <p className="watch__note">{watch.lastNote}</p> : null}
      <PriceChart watch={watch} />
      <p className="watch__actions">
        {!ended ? (
          <>
            <button type="button" disabled={watch.status === 'paused'} onClick={() => onAct({ type: 'watch:check-now', id: watch.id })}>
              {t('watchCheckNow')}
            </button>{' '}
            <button type="button" onClick={() => onAct({ type: 'watch:pause', id: watch.id, paused: watch.status !== 'paused' })}>
              {t(watch.status === 'paused' ? 'watchResume' : 'watchPause')}
            </button>{' '}
          </>
        ) : null}
        <button type="button" onClick={() => onAct({ type: 'watch:delete', id: watch.id })}>
          {t('watchDelete')}
        </button>
      </p>
    </li>
  );
}
