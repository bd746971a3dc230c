import { isChildAgeBand as isChild } from '@mukti/contracts';
import { ageBandOf, ageOn } from './age-band';

const today = new Date('2026-11-28T00:00:00Z');

describe('age at registration', () => {
  it('counts whole years from a birth date, the day before and on the birthday', () => {
    expect(ageOn({ birthDate: '2010-11-29' }, today)).toBe(15);
    expect(ageOn({ birthDate: '2010-11-28' }, today)).toBe(16);
  });

  it('takes the younger reading when only the birth year is known, to protect a possible child', () => {
    expect(ageOn({ birthYear: 2008 }, today)).toBe(17);
  });

  it('falls back to the stated age, and to unknown', () => {
    expect(ageOn({ age: 30 }, today)).toBe(30);
    expect(ageOn({}, today)).toBeUndefined();
  });
});

describe('age bands', () => {
  it.each([
    [11, '0-11'],
    [12, '12-15'],
    [15, '12-15'],
    [16, '16-17'],
    [17, '16-17'],
    [18, '18-24'],
    [34, '25-34'],
    [49, '35-49'],
    [50, '50+'],
    [undefined, 'unknown'],
  ] as const)('age %s is band %s', (age, band) => expect(ageBandOf(age)).toBe(band));

  it('keeps both legal edges: under 16 (ITPA child) and under 18 (JJ Act and POCSO child)', () => {
    expect(isChild(ageBandOf(17))).toBe(true);
    expect(isChild(ageBandOf(18))).toBe(false);
    expect(ageBandOf(15)).not.toBe(ageBandOf(16));
  });
});
