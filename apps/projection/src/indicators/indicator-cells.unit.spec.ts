import { intakeEventTypes, livelihoodEventTypes } from '@mukti/contracts';
import type { PersonSummary, SummarisedEntry } from '../timeline/person-summary';
import { summaryOfEntries } from '../timeline/entries.testing';
import { cellChanges, Cells, cellsAddUp, htcdsRowsFromCells, HOUSEHOLD, HOUSEHOLDS_SUPPORTED, indicatorCellsOf, indicatorsFromCells } from './indicator-cells';
import { htcdsExport, htcdsExportOf, programmeIndicators } from './indicators';

let sequence = 0;
const at = (day: number) => new Date(Date.UTC(2026, 0, day));
function person(what: { state?: string; research?: 'granted' | 'withdrawn'; erased?: boolean; earning?: number; household?: string }): PersonSummary {
  const id = `p${(sequence += 1)}`;
  const entries: SummarisedEntry[] = [
    { eventId: `${id}-r`, type: intakeEventTypes.personRegistered, occurredAt: at(1), facts: { role: 'survivor', gender: 'female', ageBand: '18-24', origin: { state: what.state ?? 'Bihar', district: 'Araria' } } },
  ];
  if (what.research) entries.push({ eventId: `${id}-c`, type: intakeEventTypes.consentRecorded, occurredAt: at(2), facts: { scope: 'research', decision: what.research } });
  if (what.erased) entries.push({ eventId: `${id}-e`, type: intakeEventTypes.personErased, occurredAt: at(3), facts: { reason: 'her-request' } });
  if (what.earning !== undefined) {
    entries.push({
      eventId: `${id}-pl`,
      type: livelihoodEventTypes.placementStarted,
      occurredAt: at(4),
      facts: {
        placementId: `${id}-pl`, kind: 'wage-employment', sector: 'retail', skillLevel: 'skilled', state: 'Bihar', monthlyIncomeInr: what.earning,
        minimumWage: { monthlyInr: 10000, state: 'Bihar', skillLevel: 'skilled', effectiveFrom: '2025-04-01' }, sustainableWage: what.earning >= 10000,
      },
    });
  }
  if (what.household) {
    const ofPlan = { preventionPlanId: what.household, subject: 'household', personIds: [id] };
    entries.push({ eventId: `${id}-support`, type: livelihoodEventTypes.preventionSupportRecorded, occurredAt: at(5), facts: { ...ofPlan, supportId: `${what.household}-s`, kind: 'livelihood-support', status: 'ongoing', startedAt: at(5).toISOString() } });
  }
  return summaryOfEntries(id, entries);
}

/** The cells as the store keeps them: each summary's cells added, households supported counted from their members. */
function cellsOf(summaries: PersonSummary[]): Cells {
  const cells: Record<string, number> = {};
  for (const summary of summaries) for (const cell of indicatorCellsOf(summary)) cells[cell] = (cells[cell] ?? 0) + 1;
  cells[HOUSEHOLDS_SUPPORTED] = Object.keys(cells).filter((cell) => cell.startsWith(HOUSEHOLD)).length;
  return cells;
}

describe('indicators from counters', () => {
  const everyone = [
    ...Array.from({ length: 30 }, (_, index) => person({ earning: index % 3 === 0 ? 8000 : 12000, household: `h${index % 14}` })),
    ...Array.from({ length: 14 }, () => person({ state: 'Odisha', erased: true })),
    ...Array.from({ length: 3 }, () => person({ state: 'Assam', research: 'withdrawn', earning: 12000 })),
    ...Array.from({ length: 12 }, () => person({ state: 'Assam', research: 'granted' })),
  ];

  it('given the cells of everyone, shows what counting every summary shows, at k = 11 and at k = 1', () => {
    for (const k of [1, 11]) expect(indicatorsFromCells(cellsOf(everyone), k)).toEqual(programmeIndicators(everyone, k));
    expect(indicatorsFromCells(cellsOf(everyone), 1).livelihood.householdsSupported).toBe(14);
  });

  it('given the cells of everyone, gives the same HTCDS export as counting every summary', () => {
    for (const k of [1, 11]) expect(htcdsExportOf(htcdsRowsFromCells(cellsOf(everyone)), k)).toEqual(htcdsExport(everyone, k));
  });

  it('when she withdraws her consent to research, takes her out of every cell she counted in', () => {
    const before = person({ earning: 8000, household: 'h-her' });
    const withdrawn = { ...before, pillars: { ...before.pillars, intake: { ...before.pillars.intake, consents: { research: 'withdrawn' } } } };
    const changes = cellChanges(indicatorCellsOf(before), indicatorCellsOf(withdrawn));
    expect(changes.every((change) => change.by === -1)).toBe(true);
    expect(changes.map((change) => change.cell).sort()).toEqual(indicatorCellsOf(before).sort());
    expect(changes.map((change) => change.cell)).toEqual(expect.arrayContaining(['registered', 'livelihood:placed', `${HOUSEHOLD}h-her`]));
  });

  it('when nothing she counts in changes, changes no cell', () => {
    const her = person({ earning: 12000 });
    expect(cellChanges(indicatorCellsOf(her), indicatorCellsOf({ ...her, entryCount: her.entryCount + 1 }))).toEqual([]);
  });

  it('when read in the middle of someone moving between cells, withholds the table that does not add up instead of failing, and shows the rest', () => {
    const cells = cellsOf(everyone);
    // Her registration counted in the total, not yet in her age band (the writes are one cell at a time).
    const midMove: Cells = { ...cells, registered: (cells['registered'] ?? 0) + 1 };
    expect(cellsAddUp(cells)).toBe(true);
    expect(cellsAddUp(midMove)).toBe(false);
    const shown = indicatorsFromCells(midMove, 11);
    expect(shown.peopleRegistered).toEqual({ total: null, byRole: { other: null }, byState: { other: null }, byAgeBand: { other: null }, byGender: { other: null } });
    expect(shown.livelihood).toEqual(indicatorsFromCells(cells, 11).livelihood);
  });
});
