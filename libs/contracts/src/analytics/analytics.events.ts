/**
 * The de-identified stream for analysts: every pillar event, without anything that identifies a
 * person. Documented in docs/asyncapi.yaml (generated from these schemas and checked by a test).
 */
import { Type, Static } from '@sinclair/typebox';
import { ageBands, genders, oneOf } from '../vocabulary';

export const analyticsEventTypes = {
  pillarEventObserved: 'org.mukti.analytics.pillar-event-observed.v1',
} as const;

const analyticsPillars = ['intake', 'rescue', 'rehabilitation', 'livelihood', 'legal'] as const;

export const PillarEventObservedV1 = Type.Object(
  {
    /**
     * A keyed hash of the person's id (analysts do not hold the key): the same adult gets the same
     * pseudonym on every record. A child gets a new one on every record, so she cannot be followed.
     */
    pseudonym: Type.String({ pattern: '^[0-9a-f]{32}$' }),
    /** False for children: the pseudonym links nothing. */
    tracked: Type.Boolean(),
    /** The pillar event this record de-identifies, e.g. org.mukti.intake.consent-recorded.v1. */
    eventType: Type.String({ minLength: 1, maxLength: 120 }),
    pillar: oneOf(analyticsPillars),
    /** The month it happened: no exact dates. */
    period: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
    ageBand: Type.Optional(oneOf(ageBands)),
    gender: Type.Optional(oneOf(genders)),
    state: Type.Optional(Type.String({ maxLength: 80 })),
    /** Omitted for children. */
    district: Type.Optional(Type.String({ maxLength: 80 })),
    /** The event's non-identifying facts: codes and numbers from fixed vocabularies, never free text. */
    facts: Type.Record(
      Type.String({ pattern: '^[a-zA-Z]+$' }),
      Type.Union([Type.String({ maxLength: 80 }), Type.Number(), Type.Boolean(), Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })]),
    ),
  },
  { additionalProperties: false },
);
export type PillarEventObservedV1 = Static<typeof PillarEventObservedV1>;
