import { randomUUID } from 'node:crypto';
import { chargeSheetDeadlinesDays, EventEnvelope, legalEventTypes } from '@mukti/contracts';
import { DAY_MS } from '@mukti/decider';
import { DeadlineWatch } from '@mukti/persistence';
import type { CaseStore } from '../case.store';

const deadlineId = (caseId: string, days: number) => `${caseId}:charge-sheet:${days}`;

/**
 * A charge sheet against the clock: 60 and 90 days after the FIR (BNSS s.187: past them, the
 * accused may walk out on default bail). Watched from the service's own events, so none is lost;
 * a charge sheet filed or the case closed ends the watch.
 */
export function chargeSheetDeadlineHandlers(watch: DeadlineWatch) {
  const cancel = async (caseId: string) => {
    for (const days of chargeSheetDeadlinesDays) await watch.cancel(deadlineId(caseId, days));
  };
  return {
    [legalEventTypes.firRegistered]: async (event: EventEnvelope<typeof legalEventTypes.firRegistered>) => {
      const { caseId, fir } = event.data;
      for (const days of chargeSheetDeadlinesDays) {
        await watch.schedule(deadlineId(caseId, days), new Date(Date.parse(fir.registeredAt) + days * DAY_MS), { caseId });
      }
    },
    [legalEventTypes.chargeSheetFiled]: (event: EventEnvelope<typeof legalEventTypes.chargeSheetFiled>) => cancel(event.data.caseId),
    [legalEventTypes.caseClosed]: (event: EventEnvelope<typeof legalEventTypes.caseClosed>) => cancel(event.data.caseId),
  };
}

/** What the watch does when a mark passes: the case flags whichever marks have passed without a charge sheet. */
export function flagMissingChargeSheet(cases: CaseStore) {
  return async (deadline: { details: Record<string, string> }, now: Date) => {
    const { caseId } = deadline.details;
    await cases.decide(
      caseId,
      { type: 'FlagMissingChargeSheet', data: { caseId, now: now.toISOString() } },
      { actor: { id: 'system:legal', role: 'system' }, correlationId: randomUUID() },
    );
  };
}
