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
  {
    additionalProperties: false,
    description:
      'The projection publishes one de-identified record for each pillar event it projects. A ' +
      'legal case\'s event is published once for each victim it concerns, and a prevention plan\'s ' +
      'once for each person it concerns, with her pseudonym and profile. People who withdrew ' +
      'consent to research are left out from then on. The full description, with examples, is in ' +
      '[asyncapi.yaml](asyncapi.yaml), which a unit test checks against the schema.\n' +
      '\n' +
      '**Headers.**\n' +
      '\n' +
      '- The key and `ce_subject` are the pseudonym.\n' +
      '- `ce_time` is the first of the month, so no exact dates leave, not even in headers.\n' +
      '- `ce_actorid` is `system:projection` and `ce_actorrole` is `system`.\n' +
      '- `ce_id`, which is also `ce_correlationid`, is derived from the source event\'s id (and, ' +
      'for a case\'s or prevention plan\'s event, the person\'s id), so a republished record has the ' +
      'same id. Analysts should deduplicate by `ce_id`.\n' +
      '\n' +
      '**Payload.**\n' +
      '\n' +
      '- `pseudonym` (32 hex characters). For an adult this is an HMAC of her id. For a child it ' +
      'is random on every record.\n' +
      '- `tracked`: false for children.\n' +
      '- `eventType` and `pillar`.\n' +
      '- `period` (`YYYY-MM`).\n' +
      '- `ageBand?`, `gender?` and `state?`.\n' +
      '- `district?`, which is omitted for children.\n' +
      '- `facts`: codes, numbers and flags only (`publicFacts` in ' +
      '`apps/projection/src/analytics/deidentify.ts`). A fact that is not known is left out. The ' +
      'facts per event type are listed below.\n' +
      '\n' +
      'Intake:\n' +
      '\n' +
      '- registration: `role`, `referralSource`;\n' +
      '- consent: `scope`, `decision`, `givenBy`;\n' +
      '- assessment: `level`, `score`, `factors`;\n' +
      '- assignment: `staffRole`;\n' +
      '- unassignment: none;\n' +
      '- erasure: `reason`.\n' +
      '- Households\' events have rules in `publicFacts`:\n' +
      '- `household-registered`: `householdState` (from `place.state`), `members` (their number);\n' +
      '- `household-member-added`: none;\n' +
      '- `household-assessed`: `level`, `score`, `factors`, `dependants`. No income or debt.\n' +
      '\n' +
      'They are about no person, so they are not on the stream. Today they produce no record.\n' +
      '\n' +
      'Rescue:\n' +
      '\n' +
      '- `person-rescued`: `kindOfPlace`, `policeRecordedAs`, `decriminalisationAlert`, ' +
      '`itpaAgeClass`, `jjAgeClass`. The age and the steps due are not published.\n' +
      '- `post-rescue-step-completed`: `step`, `late`.\n' +
      '- `post-rescue-step-overdue`: `step`.\n' +
      '- `police-record-changed`: `policeRecordedAs`, `decriminalisationAlert`.\n' +
      '- `trafficking-profile-recorded`: `traffickingStatus`, `exploitationTypes`, ' +
      '`recruitmentMethod`, `meansOfControl`, `relationshipToTrafficker`, plus the places ' +
      'coarsened to country and state: `sourceCountry`, `sourceState`, `transitCountries`, ' +
      '`transitStates`, `destinationCountry`, `destinationState`. No district is published.\n' +
      '- The operation\'s own events have lists in `publicFacts`:\n' +
      '- `rescue-operation-planned`: `kind`, `kindOfPlace`, `legalBasis`;\n' +
      '- `rescue-operation-carried-out`: `personsRescued`, `searchWithoutRequiredWitnesses`;\n' +
      '- `rescue-operation-closed`: `outcome` and the counts.\n' +
      '\n' +
      'Their subject is not a person, so the projection does not consume them. Today they produce ' +
      'no record.\n' +
      '\n' +
      'Rehabilitation:\n' +
      '\n' +
      '- `care-plan-opened`: `origin`, `child`, `goals`.\n' +
      '- `care-plan-goal-set`: `domain`, `status`.\n' +
      '- `shelter-admitted`: `shelterKind` and `shelterState` (from `shelter.kind` and ' +
      '`shelter.state`). The shelter\'s name and district are not published.\n' +
      '- `shelter-discharged`: `reason`.\n' +
      '- `counselling-session-recorded`: `kind` only. The notes and the session id are not ' +
      'published.\n' +
      '- `health-service-recorded`: `service`, `provider`.\n' +
      '- `education-enrolled`: `programme`.\n' +
      '- `identity-document-recorded`: `document`, `status`.\n' +
      '- `voter-registered`: none. The record itself is the fact.\n' +
      '- `repatriation-step-recorded`: `step`, `homeState` (from `home.state`), and ' +
      '`homeInvestigationOutcome` or `handedOverTo` when present.\n' +
      '- `reintegration-follow-ups-scheduled`: `everyMonths`, `forMonths`, and `followUps` (the ' +
      'number of due dates, not the dates).\n' +
      '- `reintegration-follow-up-recorded`: `status`, `retraffickingRisk`.\n' +
      '- `reintegration-follow-up-missed`: none.\n' +
      '- `compensation-recorded`: `stage`, `scheme`. The amount is not published: an exact award ' +
      'can be looked up in the order that made it.\n' +
      '\n' +
      'Legal. A case\'s event is published once for each victim it concerns: the one it names (the ' +
      'witness, the victim compensated, the survivor whose bail it is), otherwise every victim of ' +
      'the case. Analysts count victims whose FIR was registered, not FIRs. The alerts about a ' +
      'survivor are published once, for her.\n' +
      '\n' +
      '- `fir-registered`: `actsCited` (the acts of its sections, each once), `firState`, ' +
      '`accused` (the number of accused), and `mainAccusedNamed` when a main accused is given ' +
      '(whether the FIR names him). No police station, FIR number, district or sections are ' +
      'published.\n' +
      '- `accused-named`: `main`.\n' +
      '- `accused-arrested`, `accused-absconding`: none.\n' +
      '- `bail-recorded`: `bailOf` (`accused` or `survivor`), `stage`, and `surety` when given.\n' +
      '- `charge-sheet-filed`: `actsCited`, `accusedCharged` (a number), and `filed` ' +
      '(`within-60-days` \\| `within-90-days` \\| `after-90-days`, from `daysAfterFir`).\n' +
      '- `charge-sheet-missing`: `daysAfterFir`.\n' +
      '- `hearing-recorded`: `court`, `stage`, `nextHearingSet`. No dates.\n' +
      '- `victim-witness-support-recorded`: `testimony`, `inCamera`, `supportPerson`, ' +
      '`protectionMeasures`, `travelSupported`.\n' +
      '- `verdict-recorded`: `outcome`, `court`, `sentenceBand` (`under-1-year` \\| `1-to-3-years` ' +
      '\\| `3-to-7-years` \\| `7-to-10-years` \\| `10-years-or-more`, when a sentence is given), and ' +
      '`fined` for a conviction. The fine is not published.\n' +
      '- `appeal-filed`: `appellant`, `court`.\n' +
      '- `premises-closed`: `premisesState` (from `place.state`). No district.\n' +
      '- `property-attached`: `kind`. The value is not published.\n' +
      '- `compensation-ordered`: `payableBy`. The amount is not published.\n' +
      '- `case-closed`: `reason`.\n' +
      '- `survivor-named-as-accused`, `survivor-accusation-dropped`, `debt-bondage-suspected`: ' +
      'none. The record itself is the fact.\n' +
      '- `consent-withdrawn-on-open-case`: `scope`.\n' +
      '- Perpetrators\' and training sessions\' events have lists in `publicFacts`:\n' +
      '- `perpetrator-profiled`: `category`, `beneficiary`;\n' +
      '- `perpetrators-linked`: `link`;\n' +
      '- `training-session-held`: `audience`, `topic`, `participantCount`, `state`;\n' +
      '- `training-refresher-overdue`: `audience`.\n' +
      '\n' +
      'They are about no person, so they are not on the stream. Today they produce no record.\n' +
      '\n' +
      'Livelihood. A livelihood plan\'s event is published once, for her. A prevention plan\'s ' +
      'event is published once for each person it concerns: the one it names (her entry into ' +
      'exploitation, or her entry prevented), otherwise everyone it covers. No employer or ' +
      'enterprise, trade or provider, no training, placement, support or plan id, and no exact ' +
      'income are published.\n' +
      '\n' +
      '- `livelihood-plan-opened`: `origin`.\n' +
      '- `skill-training-started`: `skillLevel`.\n' +
      '- `skill-training-ended`: `outcome`, `certified`.\n' +
      '- `placement-started`: `kind`, `sector`, `skillLevel`, `placementState` (from `state`), ' +
      '`incomeBand` and `sustainableWage`. `incomeBand` is the band of `monthlyIncomeInr`: `none` ' +
      '(₹0) \\| `under-5000` \\| `5000-to-9999` \\| `10000-to-14999` \\| `15000-to-24999` \\| ' +
      '`25000-or-more`. The minimum wage\'s figure and source are not published.\n' +
      '- `income-followed-up`: `skillLevel` (from `minimumWage.skillLevel`), `incomeBand`, ' +
      '`sustainableWage`.\n' +
      '- `placement-lost`: `reason`.\n' +
      '- `financial-inclusion-recorded`: `kind`.\n' +
      '- `scheme-linkage-recorded`: `scheme`, `stage`.\n' +
      '- `prevention-plan-opened`: `subject`, `peopleCovered` (the number of `personIds`).\n' +
      '- `prevention-support-recorded`: `subject`, `kind`, `status`, and `scheme` when present.\n' +
      '- `entry-into-exploitation-recorded`: `subject`, `outcome` (`entered-exploitation`), ' +
      '`source`.\n' +
      '- `entry-prevented`: `subject`, `outcome` (`entry-prevented`).\n' +
      '\n' +
      'The stream leaves out the following:\n' +
      '\n' +
      '- personal data, and sealed values (the projection never holds counselling notes);\n' +
      '- free text, such as shelter names, notes, police stations, employers, trades and training ' +
      'providers;\n' +
      '- exact dates (the record\'s month is all), and districts in facts;\n' +
      '- exact incomes (only their band), debts, and the amounts of orders and compensation;\n' +
      '- staff identity;\n' +
      '- ids of any kind (people, operations, sessions, cases, perpetrators, households, plans, ' +
      'trainings, placements, supports), and FIR numbers.',
  },
);
export type PillarEventObservedV1 = Static<typeof PillarEventObservedV1>;
