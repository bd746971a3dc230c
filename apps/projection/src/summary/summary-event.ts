import type { AnyPillarEventEnvelope } from '@mukti/contracts';

/**
 * What every pillar view's evolve receives: the typed event, whose summary it is (a case's or a
 * prevention plan's event is applied to each person it names) and when it happened (ISO).
 */
export interface Applied<E extends AnyPillarEventEnvelope = AnyPillarEventEnvelope> {
  event: E;
  personId: string;
  at: string;
}
