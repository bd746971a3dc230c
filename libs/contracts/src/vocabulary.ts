/** Fixed vocabularies shared by every pillar. Values are stable identifiers; labels live in docs. */
import { Static, Type, TLiteral, TUnion } from '@sinclair/typebox';

/** A schema accepting exactly the values of a vocabulary, typed as their union. */
export function oneOf<T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((value) => Type.Literal(value))) as unknown as TUnion<TLiteral<T[number]>[]>;
}

/** Every event's ids and times: a UUID, and an ISO 8601 date-time with its offset. */
export const Id = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });

/** Indian states and union territories are free text for now, validated for shape only. */
export const Place = Type.Object(
  {
    state: Type.String({ minLength: 2, maxLength: 80 }),
    district: Type.String({ minLength: 2, maxLength: 80 }),
  },
  { additionalProperties: false },
);
export type Place = Static<typeof Place>;

export const genders = ['female', 'male', 'transgender', 'other', 'undisclosed'] as const;
export type Gender = (typeof genders)[number];

/**
 * Age bands chosen so both legal classifications can be read off them: under ITPA a child is
 * under 16 and a minor 16 to 18; under the Juvenile Justice Act and POCSO a child is under 18.
 */
export const ageBands = ['0-11', '12-15', '16-17', '18-24', '25-34', '35-49', '50+', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

/** A child under the Juvenile Justice Act and POCSO: under 18. */
export function isChildAgeBand(band: AgeBand | undefined): boolean {
  return band === '0-11' || band === '12-15' || band === '16-17';
}

/** Treated as a child until her age is known: the protective reading the law asks for. */
export function mayBeChild(band: AgeBand | undefined): boolean {
  return band === undefined || band === 'unknown' || isChildAgeBand(band);
}

/**
 * How her age was determined, in the order the Juvenile Justice Act (s.94) asks for evidence: a
 * school certificate or a birth certificate first, a medical examination (ossification) only
 * without them; or a court's or the Child Welfare Committee's finding.
 */
export const ageDeterminationMethods = ['school-certificate', 'birth-certificate', 'identity-document', 'medical-examination', 'court-finding'] as const;
export type AgeDeterminationMethod = (typeof ageDeterminationMethods)[number];

export const personRoles = ['survivor', 'at-risk'] as const;
export type PersonRole = (typeof personRoles)[number];

export const referralSources = ['police', 'ngo', 'hotline', 'self', 'community', 'other'] as const;
export type ReferralSource = (typeof referralSources)[number];

export const consentScopes = [
  'share-with-police',
  'share-with-courts',
  'share-with-organisations',
  'research',
  'photographs',
] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const consentDecisions = ['granted', 'withdrawn'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

/** Who gave the consent: the person, or for a child her guardian or the Child Welfare Committee. */
export const consentGivers = ['self', 'guardian', 'child-welfare-committee'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

/** Vulnerability factors; their weights and the level function are in docs/vulnerability.md. */
export const vulnerabilityFactors = [
  'debt',
  'no-income',
  'school-dropout',
  'family-history-of-exploitation',
  'migration',
  'disability',
  'domestic-violence',
  'homelessness',
  'orphaned-or-separated-child',
  'substance-dependence',
  'previous-trafficking',
  'no-identity-documents',
] as const;
export type VulnerabilityFactor = (typeof vulnerabilityFactors)[number];

export const vulnerabilityLevels = ['low', 'medium', 'high', 'critical'] as const;
export type VulnerabilityLevel = (typeof vulnerabilityLevels)[number];

export const staffRoles = [
  'admin',
  'caseworker',
  'rescue-coordinator',
  'counsellor',
  'livelihood-officer',
  'legal-officer',
  'analyst',
] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * What a staff member's id (the identity provider's subject) may be: ASCII letters, digits and
 * _ - @ : | (a UUID, a username, `auth0|…`). Case teams and operation teams are keyed by it in the
 * store, which refuses a dot or a leading $ in a key. Spelt out rather than \w: other pattern
 * languages (the fuzzer's, client generators') read \w as any script's letters.
 */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9_@:|-]{1,200}$/;

/**
 * Why a person was erased: a code, never free text, because whatever is written about her must
 * itself be erasable, and the record of an erasure is kept.
 */
export const erasureReasons = [
  'her-request',
  'guardian-request',
  'court-order',
  'registered-in-error',
  'duplicate-record',
  'retention-period-ended',
] as const;
export type ErasureReason = (typeof erasureReasons)[number];

/**
 * The records that are doors of their own (rule 7): each has a team, and the audit trail names the
 * one a request opened. A person's team is her case team.
 */
export const recordKinds = ['person', 'rescue-operation', 'case', 'perpetrator', 'household', 'prevention-plan'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** The roles that work on a person's case, and so can be assigned to it. */
export const caseRoles = ['caseworker', 'rescue-coordinator', 'counsellor', 'livelihood-officer', 'legal-officer'] as const;
export type CaseRole = (typeof caseRoles)[number];
