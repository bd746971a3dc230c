import { CountTable, OTHER, ShownTable, shownCell, suppressCount, suppressTable } from './suppression';

/** Given a table of counts, when it is shown with k, then this is all a reader sees. */
const given = <B extends string>(table: CountTable<B>) => ({
  whenShownWith: (k: number) => ({
    then: (expected: ShownTable<B>) => expect(suppressTable(table, k)).toEqual(expected),
    thenThrows: (message: RegExp) => expect(() => suppressTable(table, k)).toThrow(message),
  }),
});

describe('what may be shown of a table of counts', () => {
  it('shows a breakdown whose every cell counts at least k people as it is', () => {
    given({ total: 40, breakdowns: { byState: { Bihar: 25, Assam: 15 } } })
      .whenShownWith(11)
      .then({ total: 40, breakdowns: { byState: { Assam: 15, Bihar: 25 } } });
  });

  it('withholds the table of 11 women and 1 man: 12 shown next to the women would say the man is 1', () => {
    given({ total: 12, breakdowns: { byGender: { female: 11, male: 1 } } })
      .whenShownWith(11)
      .then({ total: null, breakdowns: { byGender: { [OTHER]: null } } });
  });

  it('does not let two cells under k be recovered by subtracting the rest from the total', () => {
    // Shown as { Bihar: 20, Assam: null, Odisha: null } with a total of 22, Assam and Odisha are 1 each.
    given({ total: 22, breakdowns: { byState: { Bihar: 20, Assam: 1, Odisha: 1 } } })
      .whenShownWith(11)
      .then({ total: 22, breakdowns: { byState: { [OTHER]: 22 } } });
  });

  it('names no key under k: they are counted together as "other", which is shown when that hides each of them', () => {
    // Twelve states of 3: "other: 36" could be any of them holding 1 to 10.
    const small = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`state-${index}`, 3]));
    given({ total: 536, breakdowns: { byState: { Bihar: 500, ...small } } })
      .whenShownWith(11)
      .then({ total: 536, breakdowns: { byState: { Bihar: 500, [OTHER]: 36 } } });
  });

  it('puts the smallest named cells into "other" until the cells under k in it could hold anything from 1 to k - 1', () => {
    // "other: 5" would say Goa is 5; "other: 20" (Goa and Odisha, a named cell of at least 11) that she is 1 to 9, not
    // 10; "other: 60" (Goa, Odisha and Assam) that she is anything from 1 to 10.
    given({ total: 560, breakdowns: { byState: { Bihar: 500, Assam: 40, Odisha: 15, Goa: 5 } } })
      .whenShownWith(11)
      .then({ total: 560, breakdowns: { byState: { Bihar: 500, [OTHER]: 60 } } });
  });

  it('keeps a key that is itself called "other" inside the bucket, whatever its count', () => {
    given({ total: 130, breakdowns: { byGender: { female: 100, other: 30 } } })
      .whenShownWith(11)
      .then({ total: 130, breakdowns: { byGender: { female: 100, [OTHER]: 30 } } });
  });

  it('withholds every breakdown of a total when one of them cannot hide its cells under k: the others would give the total back', () => {
    given({ total: 14, breakdowns: { byRole: { survivor: 14 }, byGender: { female: 13, male: 1 } } })
      .whenShownWith(11)
      .then({ total: null, breakdowns: { byRole: { [OTHER]: null }, byGender: { [OTHER]: null } } });
  });

  it('shows every breakdown of one total whole, so no breakdown tells what another one hides', () => {
    given({ total: 60, breakdowns: { byRole: { survivor: 58, 'at-risk': 2 }, byGender: { female: 45, male: 15 } } })
      .whenShownWith(11)
      .then({ total: 60, breakdowns: { byRole: { [OTHER]: 60 }, byGender: { female: 45, male: 15 } } });
  });

  it('withholds a total under k, shows none as 0, and lists no key that nobody has', () => {
    given({ total: 7, breakdowns: { byRole: { survivor: 7 } } }).whenShownWith(11).then({ total: null, breakdowns: { byRole: { [OTHER]: null } } });
    given({ total: 0, breakdowns: { byRole: { survivor: 0 } } }).whenShownWith(11).then({ total: 0, breakdowns: { byRole: {} } });
    given({ total: 11, breakdowns: { byRole: { survivor: 11, 'at-risk': 0 } } }).whenShownWith(11).then({ total: 11, breakdowns: { byRole: { survivor: 11 } } });
  });

  it('refuses a k that is not a whole number, and a breakdown that does not add up to its total', () => {
    given({ total: 12, breakdowns: {} }).whenShownWith(0).thenThrows(/at least 1/);
    given({ total: 12, breakdowns: {} }).whenShownWith(10.5).thenThrows(/whole number/);
    given({ total: 12, breakdowns: { byRole: { survivor: 11 } } }).whenShownWith(11).thenThrows(/byRole counts 11 people, not the total's 12/);
  });

  it('shows a count on its own when it reaches k, and reads one cell of a shown breakdown', () => {
    expect([suppressCount(0), suppressCount(4), suppressCount(11)]).toEqual([0, null, 11]);
    expect(shownCell({ female: 45, male: 15 }, 'male')).toBe(15);
    expect(shownCell({ female: 45, [OTHER]: 15 }, 'male')).toBeNull();
    expect(shownCell({ female: 45 }, 'male')).toBe(0);
  });
});
