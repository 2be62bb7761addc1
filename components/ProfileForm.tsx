import { type FormEvent, useId, useMemo, useState } from 'react';
import { countryOptions } from '../utils/profiles/countries';
import { type Profile, type ProfileField, profileErrors, profileSchema } from '../utils/profiles/schema';

type Draft = Record<ProfileField, string>;

const FIELDS: { name: ProfileField; label: string; autoComplete: string; type?: string; optional?: boolean }[] = [
  { name: 'label', label: 'Label', autoComplete: 'off' },
  { name: 'firstName', label: 'First name', autoComplete: 'given-name' },
  { name: 'lastName', label: 'Last name', autoComplete: 'family-name' },
  { name: 'email', label: 'Email', autoComplete: 'email', type: 'email' },
  { name: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel', optional: true },
  { name: 'address1', label: 'Address line 1', autoComplete: 'address-line1' },
  { name: 'address2', label: 'Address line 2', autoComplete: 'address-line2', optional: true },
  { name: 'city', label: 'City', autoComplete: 'address-level2' },
  { name: 'province', label: 'State / province', autoComplete: 'address-level1', optional: true },
  { name: 'postalCode', label: 'Postal code', autoComplete: 'postal-code' },
];

export const EMPTY_DRAFT: Draft = {
  label: 'Home',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  address1: '',
  address2: '',
  city: '',
  province: '',
  postalCode: '',
  country: '',
};

interface Props {
  initial: Draft;
  id: string;
  onSave: (profile: Profile) => Promise<void>;
  onCancel?: () => void;
}

/** Add or edit one address profile; errors are shown next to each field, in words. */
export function ProfileForm({ initial, id, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [saved, setSaved] = useState('');
  const prefix = useId();
  const countries = useMemo(() => countryOptions(navigator.language || 'en'), []);

  const set = (name: ProfileField, value: string) => setDraft((d) => ({ ...d, [name]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const candidate = { id, ...draft };
    const found = profileErrors(candidate);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      setSaved('');
      event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const profile = profileSchema.parse(candidate);
    await onSave(profile);
    setDraft({ ...profile });
    setSaved(`Profile “${profile.label}” saved.`);
  }

  const fieldId = (name: string) => `${prefix}-${name}`;
  const describedBy = (name: ProfileField) => (errors[name] ? `${fieldId(name)}-error` : undefined);

  return (
    <form onSubmit={submit} noValidate aria-label="Address profile">
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={fieldId(field.name)}>{field.label}</label>
          <input
            id={fieldId(field.name)}
            name={field.name}
            type={field.type ?? 'text'}
            autoComplete={field.autoComplete}
            value={draft[field.name]}
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={describedBy(field.name)}
            onChange={(e) => set(field.name, e.target.value)}
          />
          {errors[field.name] ? (
            <p id={`${fieldId(field.name)}-error`} className="field-error">
              {errors[field.name]}
            </p>
          ) : null}
        </div>
      ))}
      <label htmlFor={fieldId('country')}>Country</label>
      <select
        id={fieldId('country')}
        name="country"
        autoComplete="country"
        value={draft.country}
        aria-invalid={errors.country ? true : undefined}
        aria-describedby={describedBy('country')}
        onChange={(e) => set('country', e.target.value)}
      >
        <option value="">Choose a country…</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      {errors.country ? (
        <p id={`${fieldId('country')}-error`} className="field-error">
          {errors.country}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save profile
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <span role="status">{saved}</span>
      </div>
    </form>
  );
}
