import { type ChangeEvent, useState } from 'react';
import { EMPTY_DRAFT, ProfileForm } from '../../components/ProfileForm';
import { useStored } from '../../components/useStored';
import type { Profile } from '../../utils/profiles/schema';
import { duplicateProfile, profilesStorage, removeProfile, restoreProfile, upsertProfile } from '../../utils/profiles/storage';
import { exportProfiles, importProfiles } from '../../utils/profiles/transfer';

type Removed = NonNullable<ReturnType<typeof removeProfile>['removed']>;
type Notice = { text: string; tone: 'ok' | 'error'; undo?: Removed };

/** Saved address profiles: list, default, add/edit/duplicate/delete (with undo), import and export. */
export function ProfilesSection() {
  const state = useStored(profilesStorage);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
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
    if (removed) setNotice({ text: `Deleted “${profile.label}”.`, tone: 'ok', undo: removed });
  }

  async function undo(removed: Removed) {
    await change((current) => restoreProfile(current, removed));
    setNotice({ text: `Restored “${removed.profile.label}”.`, tone: 'ok' });
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
    const result = importProfiles(await profilesStorage.get(), await file.text(), () => crypto.randomUUID());
    if (!result.ok) {
      setNotice({ text: `Import refused: ${result.reason}`, tone: 'error' });
      return;
    }
    await profilesStorage.set(result.state);
    setNotice({ text: `Imported ${result.added} profile${result.added === 1 ? '' : 's'}.`, tone: 'ok' });
  }

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Shipping profiles</h2>
      {state.profiles.length ? (
        <ul className="saved-profiles" aria-label="Saved profiles">
          {state.profiles.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.label}</strong> — {p.firstName} {p.lastName}, {p.city}, {p.country}
                {p.id === state.defaultProfileId ? <span className="badge">Default</span> : null}
              </span>
              <span className="actions">
                <button type="button" onClick={() => openForm(p.id)} aria-label={`Edit ${p.label}`}>
                  Edit
                </button>
                <button type="button" onClick={() => void change((c) => duplicateProfile(c, p.id, crypto.randomUUID()))} aria-label={`Duplicate ${p.label}`}>
                  Duplicate
                </button>
                <button type="button" onClick={() => void remove(p)} aria-label={`Delete ${p.label}`}>
                  Delete
                </button>
                {p.id !== state.defaultProfileId ? (
                  <button type="button" onClick={() => void change((c) => ({ ...c, defaultProfileId: p.id }))} aria-label={`Make ${p.label} the default`}>
                    Make default
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No shipping profile yet. Add the address the agent should ship to.</p>
      )}

      <div role="status" className={notice ? `status status--${notice.tone}` : 'status'}>
        {notice?.text}
        {notice?.undo ? (
          <>
            {' '}
            <button type="button" onClick={() => void undo(notice.undo!)}>
              Undo
            </button>
          </>
        ) : null}
      </div>

      {formId ? (
        <>
          <h3>{editing ? `Edit “${editing.label}”` : 'New profile'}</h3>
          <ProfileForm key={formKey} id={formId} initial={editing ? { ...editing } : EMPTY_DRAFT} onSave={save} onCancel={state.profiles.length ? () => setEditingId(null) : undefined} />
        </>
      ) : null}

      <div className="form-actions">
        {formId !== 'new' ? (
          <button type="button" onClick={() => openForm('new')}>
            Add profile
          </button>
        ) : null}
        <button type="button" onClick={download} disabled={!state.profiles.length}>
          Export profiles
        </button>
        <label className="file-button">
          Import profiles
          <input type="file" accept="application/json,.json" onChange={(e) => void upload(e)} />
        </label>
      </div>
    </section>
  );
}
