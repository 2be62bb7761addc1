import { type ChangeEvent, useState } from 'react';
import { emptyDraft, ProfileForm } from '../../components/ProfileForm';
import { useStored } from '../../components/useStored';
import { t, tCount } from '../../utils/shared/i18n';
import type { Profile } from '../../utils/profiles/schema';
import { profilesStorage } from '../../utils/profiles/storage';
import { duplicateProfile, removeProfile, restoreProfile, upsertProfile } from '../../utils/profiles/state';
import { exportProfiles, importProfilesFile } from '../../utils/profiles/transfer';

type Removed = NonNullable<ReturnType<typeof removeProfile>['removed']>;
type Notice = { text: string; tone: 'ok' | 'error'; undo?: Removed };

/** Saved address profiles: list, default, add/edit/duplicate/delete (with undo), import and export. */
export function ProfilesSection() {
  const state = useStored(profilesStorage);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  // What an import did is said beside the Import button, where the user acted.
  const [imported, setImported] = useState<Notice | null>(null);
  if (!state) return null;

  const editing = state.profiles.find((p) => p.id === editingId) ?? null;
  // With no profile yet, the form is open for the first one.
  const formId = editingId ?? (state.profiles.length === 0 ? 'new' : null);

  function openForm(id: string) {
    setEditingId(id);
    setFormKey((k) => k + 1);
  }

  async function save(profile: Profile) {
    const id = profile.id === 'new' ? crypto.randomUUID() : profile.id;
    // Before the write: the storage watch re-renders at once, and the form must stay open for this profile.
    setEditingId(id);
    await profilesStorage.set(upsertProfile(await profilesStorage.get(), { ...profile, id }));
  }

  async function change(update: (current: typeof state & object) => typeof state & object) {
    await profilesStorage.set(update(await profilesStorage.get()));
  }

  async function remove(profile: Profile) {
    const { state: next, removed } = removeProfile(await profilesStorage.get(), profile.id);
    await profilesStorage.set(next);
    if (editingId === profile.id) setEditingId(null);
    if (removed) setNotice({ text: t('profileDeleted', profile.label), tone: 'ok', undo: removed });
  }

  async function undo(removed: Removed) {
    await change((current) => restoreProfile(current, removed));
    setNotice({ text: t('profileRestored', removed.profile.label), tone: 'ok' });
  }

  function download() {
    const blob = new Blob([exportProfiles(state!)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'smartcheckout-profiles.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await importProfilesFile(await profilesStorage.get(), file, () => crypto.randomUUID());
    if (!result.ok) {
      setImported({ text: t('importRefused', result.reason), tone: 'error' });
      return;
    }
    await profilesStorage.set(result.state);
    setImported({ text: tCount(result.added, 'importedOne', 'importedOther'), tone: 'ok' });
  }

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profilesHeading')}</h2>
      {state.profiles.length ? (
        <ul className="saved-profiles" aria-label={t('profilesSaved')}>
          {state.profiles.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.label}</strong> — {p.firstName} {p.lastName}, {p.city}, {p.country}
                {p.id === state.defaultProfileId ? <span className="badge">{t('profileDefault')}</span> : null}
              </span>
              <span className="actions">
                <button type="button" onClick={() => openForm(p.id)} aria-label={t('profileEditNamed', p.label)}>
                  {t('profileEdit')}
                </button>
                <button type="button" onClick={() => void change((c) => duplicateProfile(c, p.id, crypto.randomUUID()))} aria-label={t('profileDuplicateNamed', p.label)}>
                  {t('profileDuplicate')}
                </button>
                <button type="button" onClick={() => void remove(p)} aria-label={t('profileDeleteNamed', p.label)}>
                  {t('profileDelete')}
                </button>
                {p.id !== state.defaultProfileId ? (
                  <button type="button" onClick={() => void change((c) => ({ ...c, defaultProfileId: p.id }))} aria-label={t('profileMakeDefaultNamed', p.label)}>
                    {t('profileMakeDefault')}
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('profilesNone')}</p>
      )}

      <div role="status" className={notice ? `status status--${notice.tone}` : 'status'}>
        {notice?.text}
        {notice?.undo ? (
          <>
            {' '}
            <button type="button" onClick={() => void undo(notice.undo!)}>
              {t('profileUndo')}
            </button>
          </>
        ) : null}
      </div>

      {formId ? (
        <>
          <h3>{editing ? t('profileEditTitle', editing.label) : t('profileNewTitle')}</h3>
          <ProfileForm key={formKey} id={formId} initial={editing ? { ...editing } : emptyDraft()} onSave={save} onCancel={state.profiles.length ? () => setEditingId(null) : undefined} />
        </>
      ) : null}

      <div className="form-actions">
        {formId !== 'new' ? (
          <button type="button" onClick={() => openForm('new')}>
            {t('profileAdd')}
          </button>
        ) : null}
        <button type="button" onClick={download} disabled={!state.profiles.length}>
          {t('profilesExport')}
        </button>
        <label className="file-button">
          {t('profilesImport')}
          <input type="file" accept="application/json,.json" onChange={(e) => void upload(e)} />
        </label>
      </div>
      <p role="status" className={imported ? `status status--${imported.tone}` : 'status'}>
        {imported?.text}
      </p>
    </section>
  );
}
