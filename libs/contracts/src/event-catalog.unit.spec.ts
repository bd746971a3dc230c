import { intakeEventTypes } from './intake/intake.events';
import { payloadProblems } from './event-catalog';

/** A registration as intake writes it, with the languages she speaks. */
const registered = (languages: string[]) => ({
  personId: 'e3e70682-c209-4cac-a29f-6fbed82c07cd',
  role: 'at-risk',
  personalData: { keyId: 'e3e70682-c209-4cac-a29f-6fbed82c07cd', algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: 'Y2lwaGVy', authTag: 'dGFn' },
  gender: 'female',
  ageBand: '25-34',
  languages,
  referralSource: 'community',
  registeredAt: '2026-03-14T09:30:00Z',
});

// The staff API and JSON Schema count a string's length in characters; the event check counted
// UTF-16 units, so a language the API accepted (40 characters outside the Basic Multilingual
// Plane) failed its event's check after validation: a 500 (found by the schema-driven fuzzer).
describe('event payloads count lengths in characters, as the API and JSON Schema do', () => {
  const astral = '𑀅'; // Brahmi: two UTF-16 units, one character

  it('accepts 40 characters where 40 are allowed, whatever their script', () => {
    expect(astral.length).toBe(2);
    expect(payloadProblems(intakeEventTypes.personRegistered, registered([astral.repeat(40), 'hindi']))).toEqual([]);
  });

  it('refuses 41, and too few, saying what is allowed', () => {
    expect(payloadProblems(intakeEventTypes.personRegistered, registered([astral.repeat(41)]))).toEqual(['/languages/0: Expected a string of 2 to 40 characters']);
    expect(payloadProblems(intakeEventTypes.personRegistered, registered([astral]))).toEqual(['/languages/0: Expected a string of 2 to 40 characters']);
  });

  it('still checks formats and the other rules of a string', () => {
    expect(payloadProblems(intakeEventTypes.personRegistered, { ...registered(['hindi']), registeredAt: 'yesterday' })).toEqual([expect.stringMatching(/^\/registeredAt: /)]);
    expect(payloadProblems(intakeEventTypes.personRegistered, registered([42 as unknown as string]))).toEqual([expect.stringMatching(/^\/languages\/0: /)]);
  });
});
