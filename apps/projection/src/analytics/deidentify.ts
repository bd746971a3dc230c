/**
 * De-identification for the analytics stream, as a pure function: what analysts may learn about
 * one pillar event. No names, phones, addresses, free text, staff identities or exact dates; a
 * keyed pseudonym instead of her id (a new one on every record for a child, so a child cannot be
 * followed), and nothing at all about a person who withdrew her consent to research.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  AgeBand,
  AnyPillarEventEnvelope,
  eventCatalog,
  Gender,
  intakeEventTypes,
  mayBeChild,
  PillarEventObservedV1,
  rescueEventTypes,
} from '@mukti/contracts';
import type { PersonSummary } from '../timeline/person-summary';
import type { TimelineFacts } from '../timeline/describe-event';

/** The facts of each event type analysts may see: codes and numbers only. */
const publicFacts: Record<AnyPillarEventEnvelope['type'], readonly string[]> = {
  [intakeEventTypes.personRegistered]: ['role', 'referralSource'],
  [intakeEventTypes.consentRecorded]: ['scope', 'decision', 'givenBy'],
  [intakeEventTypes.vulnerabilityAssessed]: ['level', 'score', 'factors'],
  [intakeEventTypes.staffAssigned]: ['staffRole'],
  [intakeEventTypes.staffUnassigned]: [],
  [intakeEventTypes.personErased]: ['reason'],
  [rescueEventTypes.operationPlanned]: ['kind', 'kindOfPlace', 'legalBasis'],
  [rescueEventTypes.operationCarriedOut]: ['personsRescued', 'searchWithoutRequiredWitnesses'],
  [rescueEventTypes.personRescued]: ['kindOfPlace', 'policeRecordedAs', 'decriminalisationAlert', 'itpaAgeClass', 'jjAgeClass'],
  [rescueEventTypes.postRescueStepCompleted]: ['step', 'late'],
};

export function pseudonymOf(key: string, personId: string): string {
  return createHmac('sha256', key).update(personId).digest('hex').slice(0, 32);
}

/** A stable id for the analytics record of one source event, so a re-publication is the same record. */
export function analyticsEventId(sourceEventId: string): string {
  const hex = createHash('sha256').update(`analytics:${sourceEventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function deidentify(
  event: AnyPillarEventEnvelope,
  facts: TimelineFacts,
  summary: Pick<PersonSummary, 'pillars'> | undefined,
  pseudonymKey: string,
): PillarEventObservedV1 | undefined {
  const intake = summary?.pillars.intake;
  if (intake?.consents['research'] === 'withdrawn') return undefined;
  const ageBand = intake?.ageBand as AgeBand | undefined;
  // Until her age is known she is treated as a child: untracked, no district.
  const child = mayBeChild(event.type === intakeEventTypes.personRegistered ? event.data.ageBand : ageBand);
  const kept = Object.fromEntries(
    publicFacts[event.type].filter((name) => facts[name] !== undefined).map((name) => [name, facts[name]]),
  ) as PillarEventObservedV1['facts'];
  return {
    pseudonym: child ? randomBytes(16).toString('hex') : pseudonymOf(pseudonymKey, event.subject),
    tracked: !child,
    eventType: event.type,
    pillar: eventCatalog[event.type].pillar,
    period: event.time.slice(0, 7),
    ...(ageBand ? { ageBand } : {}),
    ...(intake?.gender ? { gender: intake.gender as Gender } : {}),
    ...(intake?.origin ? { state: intake.origin.state, ...(child ? {} : { district: intake.origin.district }) } : {}),
    facts: kept,
  };
}
