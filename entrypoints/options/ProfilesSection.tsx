import { useState } from 'react';
import { EMPTY_DRAFT, ProfileForm } from '../../components/ProfileForm';
import { useStored } from '../../components/useStored';
import type { Profile } from '../../utils/profiles/schema';
import { profilesStorage, upsertProfile } from '../../utils/profiles/storage';

/** Saved address profiles: list, default, and the add/edit form. */
export function ProfilesSection() {
  const state = useStored(profilesStorage);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  if (!state) return null;

  const editing = state.profiles.find((p) => p.id === editingId) ?? null;
  // With no profile yet, the form is open for the first one.
  const formId = editing?.id ?? editingId ?? (state.profiles.length === 0 ? 'new' : null);

  async function save(profile: Profile) {
    const id = profile.id === 'new' ? crypto.randomUUID() : profile.id;
    // Before the write: the storage watch re-renders at once, and the form must stay open for this profile.
    setEditingId(id);
    const current = await profilesStorage.get();
    await profilesStorage.set(upsertProfile(current, { ...profile, id }));
  }

  async function makeDefault(id: string) {
    const current = await profilesStorage.get();
    await profilesStorage.set({ ...current, defaultProfileId: id });
  }

  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">Shipping profiles</h2>
      {state.profiles.length ? (
        <ul className="saved-profiles">
          {state.profiles.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.label}</strong> — {p.firstName} {p.lastName}, {p.city}
                {p.id === state.defaultProfileId ? <span className="badge">Default</span> : null}
              </span>
              <span className="actions">
                <button type="button" onClick={() => (setEditingId(p.id), setFormKey((k) => k + 1))} aria-label={`Edit ${p.label}`}>
                  Edit
                </button>
                {p.id !== state.defaultProfileId ? (
                  <button type="button" onClick={() => void makeDefault(p.id)} aria-label={`Make ${p.label} the default`}>
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
      {formId ? (
        <ProfileForm key={formKey} id={formId} initial={editing ? { ...editing } : EMPTY_DRAFT} onSave={save} onCancel={state.profiles.length ? () => setEditingId(null) : undefined} />
      ) : (
        <button type="button" onClick={() => (setEditingId('new'), setFormKey((k) => k + 1))}>
          Add profile
        </button>
      )}
    </section>
  );
}
