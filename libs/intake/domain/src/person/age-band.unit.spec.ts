import { isChildAgeBand as isChild } from '@mukti/contracts';
import { ageBandChangesOn, ageBandOf, ageOn } from './age-band';

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

describe('age bands that move with time', () => {
  it('ages a stated or estimated age by a year on each anniversary of the day it was stated', () => {
    expect(ageOn({ age: 15, statedOn: '2025-11-28' }, today)).toBe(16);
    expect(ageOn({ age: 15, statedOn: '2025-11-29' }, today)).toBe(15);
  });

  it('moves her band on the birthday that takes her over an edge: 16, then 18', () => {
    const girl = { birthDate: '2010-11-29' };
    expect(ageBandChangesOn(girl, today)).toEqual(new Date('2026-11-29T00:00:00Z'));
    expect(ageBandChangesOn(girl, new Date('2026-11-29T00:00:00Z'))).toEqual(new Date('2028-11-29T00:00:00Z'));
  });

  it('moves a birth year on 1 January (the younger reading) and a stated age on its anniversary', () => {
    expect(ageBandChangesOn({ birthYear: 2008 }, today)).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(ageBandOf(ageOn({ birthYear: 2008 }, new Date('2027-01-01T00:00:00Z')))).toBe('18-24');
    expect(ageBandChangesOn({ age: 17, statedOn: '2026-03-14' }, today)).toEqual(new Date('2027-03-14T00:00:00Z'));
  });

  it('never moves an unknown age (a possible child until her age is determined), nor 50+', () => {
    expect(ageBandChangesOn({}, today)).toBeUndefined();
    expect(ageBandChangesOn({ age: 60, statedOn: '2026-01-01' }, today)).toBeUndefined();
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(ageBandChangesOn({ birthDate: '2008-02-29' }, new Date('2025-06-01T00:00:00Z'))).toEqual(new Date('2026-03-01T00:00:00Z'));
  });
});
