import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { chargeSheetDeadlinesDays, EventEnvelope, legalEventTypes } from '@mukti/contracts';
import { DAY_MS } from '@mukti/decider';
import { EventController } from '@mukti/messaging';
import { DeadlineWatch } from '@mukti/persistence';
import type { CaseStore } from '../case.store';

/** The watch of charge-sheet marks (the service has more than one DeadlineWatch). */
export const CHARGE_SHEET_WATCH = Symbol('CHARGE_SHEET_WATCH');

const deadlineId = (caseId: string, days: number) => `${caseId}:charge-sheet:${days}`;

/**
 * A charge sheet against the clock: 60 and 90 days after the FIR (BNSS s.187: past them, the
 * accused may walk out on default bail). Watched from the service's own events, so none is lost;
 * a charge sheet filed or the case closed ends the watch.
 */
@EventController()
export class ChargeSheetDeadlines {
  constructor(@Inject(CHARGE_SHEET_WATCH) private readonly watch: DeadlineWatch) {}

  // Every version: a case registered before the FIR was sealed counts the same.
  @EventPattern([legalEventTypes.firRegistered, legalEventTypes.firRegisteredV1])
  async firRegistered(@Payload() event: EventEnvelope<typeof legalEventTypes.firRegistered | typeof legalEventTypes.firRegisteredV1>): Promise<void> {
    const { caseId, fir } = event.data;
    for (const days of chargeSheetDeadlinesDays) {
      await this.watch.schedule(deadlineId(caseId, days), new Date(Date.parse(fir.registeredAt) + days * DAY_MS), { caseId });
    }
  }

  @EventPattern(legalEventTypes.chargeSheetFiled)
  chargeSheetFiled(@Payload() event: EventEnvelope<typeof legalEventTypes.chargeSheetFiled>): Promise<void> {
    return this.cancel(event.data.caseId);
  }

  @EventPattern(legalEventTypes.caseClosed)
  caseClosed(@Payload() event: EventEnvelope<typeof legalEventTypes.caseClosed>): Promise<void> {
    return this.cancel(event.data.caseId);
  }

  private async cancel(caseId: string): Promise<void> {
    for (const days of chargeSheetDeadlinesDays) await this.watch.cancel(deadlineId(caseId, days));
  }
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
