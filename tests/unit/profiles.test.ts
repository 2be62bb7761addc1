import { describe, expect, it, vi } from 'vitest';
import { normalisePhone } from '../../utils/profiles/phone';
import { normalisePostalCode, postalCodeError } from '../../utils/profiles/postalCodes';
import { type ProfilesState } from '../../utils/profiles/storage';
import { duplicateProfile, removeProfile, restoreProfile } from '../../utils/profiles/state';
import { exportProfiles, importProfiles, importProfilesFile } from '../../utils/profiles/transfer';
import { validateProfileDraft, type ProfileDraft } from '../../utils/profiles/validate';
import { PROFILE } from './fixtures/purchase';

const draft = (overrides: Partial<ProfileDraft> = {}): ProfileDraft => {
  const { id: _id, ...fields } = PROFILE;
  return { ...fields, ...overrides };
};

describe('phone numbers', () => {
  it.each([
    ['020 7123 4567', 'GB', '+442071234567'],
    ['+44 (0)20 7123-4567', 'GB', '+442071234567'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['030 123456', 'DE', '+4930123456'],
    ['+33 1 42 68 53 00', 'US', '+33142685300'],
    ['', 'GB', ''],
  ])('%s in %s → %s', (input, country, expected) => {
    expect(normalisePhone(input, country)).toEqual({ phone: expected });
  });

  it.each([['12', 'GB'], ['0207 123', 'GB'], ['020 7123 4567', '']])('rejects %s (%s)', (input, country) => {
    expect(normalisePhone(input, country)).toHaveProperty('error');
  });
});

describe('postal codes', () => {
  it.each([
    ['US', '94103', null], ['US', '94103-1234', null], ['US', '9410', 'Postal code must look like 94103, 94103-1234'],
    ['CA', 'k1a0b1', null], ['CA', 'Z1A 0B1', 'Postal code must look like K1A 0B1'],
    ['GB', 'sw1y4jh', null], ['GB', '12345', 'Postal code must look like SW1Y 4JH'],
    ['DE', '10115', null], ['DE', '1011', 'Postal code must look like 10115'],
    ['FR', '75001', null], ['NL', '1012ab', null], ['NL', '0123 AB', 'Postal code must look like 1012 AB'],
    ['AU', '2000', null], ['JP', '1000001', null], ['BR', '01310100', null], ['IN', '110001', null], ['IN', '011001', 'Postal code must look like 110001'],
    ['IE', 'D02 X285', null],
  ])('%s %s → %s', (country, code, error) => {
    expect(postalCodeError(country, code)).toBe(error);
  });

  it.each([['GB', 'sw1y4jh', 'SW1Y 4JH'], ['CA', 'k1a0b1', 'K1A 0B1'], ['JP', '1000001', '100-0001'], ['BR', '01310100', '01310-100'], ['NL', '1012ab', '1012 AB']])(
    'normalises %s %s → %s',
    (country, code, expected) => expect(normalisePostalCode(country, code)).toBe(expected),
  );
});

describe('validateProfileDraft', () => {
  it('normalises phone and postal code', () => {
    expect(validateProfileDraft('p1', draft({ phone: '020 7123 4567', postalCode: 'sw1y4jh' }))).toEqual({
      profile: { ...PROFILE, id: 'p1', phone: '+442071234567', postalCode: 'SW1Y 4JH' },
    });
  });

  it('requires a listed state for the US and accepts free text elsewhere', () => {
    const us = draft({ country: 'US', postalCode: '10001', phone: '', province: '' });
    expect(validateProfileDraft('p', us)).toEqual({ errors: { province: 'Choose a state / province' } });
    expect(validateProfileDraft('p', { ...us, province: 'ny' })).toMatchObject({ profile: { province: 'NY' } });
    expect(validateProfileDraft('p', draft({ province: 'Greater London' }))).toMatchObject({ profile: { province: 'Greater London' } });
  });

  it('reports every problem next to its field, in words', () => {
    const result = validateProfileDraft('p', draft({ firstName: ' ', email: 'ada@', country: 'DE', postalCode: 'SW1Y 4JH', phone: '12' }));
    expect(result).toEqual({
      errors: {
        firstName: 'First name is required',
        email: 'Email must be a valid address, like ada@example.com',
        postalCode: 'Postal code must look like 10115',
        phone: expect.stringContaining('Phone is not a valid number'),
      },
    });
  });
});

describe('profile list operations', () => {
  const office = { ...PROFILE, id: 'p-office', label: 'Office' };
  const state: ProfilesState = { profiles: [PROFILE, office], defaultProfileId: PROFILE.id };

  it('delete moves the default, and undo puts everything back', () => {
    const { state: after, removed } = removeProfile(state, PROFILE.id);
    expect(after).toEqual({ profiles: [office], defaultProfileId: 'p-office' });
    expect(restoreProfile(after, removed!)).toEqual(state);
  });

  it('duplicate places a labelled copy after the original', () => {
    expect(duplicateProfile(state, PROFILE.id, 'copy').profiles.map((p) => [p.id, p.label])).toEqual([
      ['p-home', 'Home'], ['copy', 'Home (copy)'], ['p-office', 'Office'],
    ]);
  });
});

describe('import and export', () => {
  const state: ProfilesState = { profiles: [PROFILE], defaultProfileId: PROFILE.id };
  let n = 0;
  const newId = () => `new-${++n}`;

  it('round-trips an export, giving clashing ids new ones and overwriting nothing', () => {
    const result = importProfiles(state, exportProfiles(state), newId);
    expect(result).toMatchObject({ ok: true, added: 1 });
    if (!result.ok) return;
    expect(result.state.profiles).toHaveLength(2);
    expect(result.state.profiles[0]).toEqual(PROFILE);
    expect(result.state.profiles[1]).toEqual({ ...PROFILE, id: expect.stringMatching(/^new-/) });
    expect(result.state.defaultProfileId).toBe(PROFILE.id);
  });

  it.each([
    ['not JSON', '{profiles: [', 'The file is not valid JSON.'],
    ['no profiles list', '{"people": []}', 'The file is not a Smartcheckout profiles export (no “profiles” list).'],
    ['empty', '{"profiles": []}', 'The file contains no profiles.'],
    ['an invalid profile', JSON.stringify({ profiles: [{ ...PROFILE, id: 'a' }, { ...PROFILE, id: 'b', label: 'Office', email: 'nope' }] }), 'Profile 2 (“Office”) is invalid: Email must be a valid address, like ada@example.com. Nothing was imported.'],
    // Written as JSON text: JSON.stringify of an object literal would drop a __proto__ key before the import saw it.
    ['a hostile profile', '{"profiles": [{"__proto__": {"admin": true}, "label": 42}]}', expect.stringContaining('Profile 1 (“#1”) is invalid')],
  ])('refuses %s with the reason', (_name, text, reason) => {
    expect(importProfiles(state, text, newId)).toEqual({ ok: false, reason });
  });

  it('a profile carrying __proto__, constructor or unknown keys imports only its address fields and pollutes nothing', () => {
    const fields = JSON.stringify({ ...PROFILE, id: 'p-evil', label: 'Evil', isAdmin: true }).slice(1);
    const text = `{"profiles": [{"__proto__": {"admin": true}, "constructor": {"prototype": {"polluted": true}}, ${fields}]}`;
    expect(Object.hasOwn(JSON.parse(text).profiles[0], '__proto__')).toBe(true);
    const result = importProfiles(state, text, newId);
    expect(result).toMatchObject({ ok: true, added: 1 });
    const imported = result.ok ? result.state.profiles[1]! : null;
    expect(imported).toEqual({ ...PROFILE, id: 'p-evil', label: 'Evil' });
    expect(Object.getOwnPropertyNames(imported).sort()).toEqual(Object.keys(PROFILE).sort());
    expect(Object.getPrototypeOf(imported)).toBe(Object.prototype);
    expect((imported as unknown as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).admin ?? ({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks the file size before reading it, and refuses a file over 1 MB with a clear message', async () => {
    const text = vi.fn(async () => exportProfiles(state));
    expect(await importProfilesFile(state, { size: 1_000_001, text }, newId)).toEqual({ ok: false, reason: 'The file is too large to be a profiles export (over 1 MB).' });
    expect(text).not.toHaveBeenCalled();
    expect(await importProfilesFile(state, { size: 2_000, text }, newId)).toMatchObject({ ok: true, added: 1 });
  });
});
