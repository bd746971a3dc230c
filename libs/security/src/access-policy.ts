import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Actor, CaseRole, ConsentScope, Pillar, RecordKind, StaffRole } from '@mukti/contracts';

/** The header in which an admin states why she opens a person's record (it goes to the audit trail). */
export const ACCESS_REASON_HEADER = 'x-access-reason';

/**
 * Why an admin opens a record, as the audit trail keeps it for ever: a code, and optionally a
 * reference to the ticket, order or request (`legal-obligation: CWC/12`). Not free text: the
 * trail cannot be erased, and a reason typed in words would sooner or later name her.
 */
export const accessReasonCodes = {
  'safeguarding-concern': 'a risk to her or someone else\'s safety needs a look now',
  'case-review': 'supervision, or a periodic review of the case',
  'data-subject-request': 'she, or her guardian, asked to see, correct or erase her data',
  'legal-obligation': 'a court order, or a request the law obliges the organisation to answer',
  'complaint-investigation': 'a complaint or an incident is being looked into',
  audit: 'an audit or inspection of the records, or a check of the platform itself',
  'data-quality': 'a possible duplicate, a correction, record keeping',
  handover: 'her case moves to other staff (someone is away or has left)',
} as const;
export type AccessReasonCode = keyof typeof accessReasonCodes;

/** A reference: up to 8 letters, a separator, then a number (INC-4411, 2026-117, CWC/12): never a name alone. */
const REFERENCE = '[A-Za-z]{0,8}[-/]?[0-9][0-9A-Za-z/-]{0,30}';
/** The whole header, as the OpenAPI document states it. */
export const ACCESS_REASON_PATTERN = `^(${Object.keys(accessReasonCodes).join('|')})(: ${REFERENCE})?$`;
const accessReason = new RegExp(ACCESS_REASON_PATTERN);

/** Why a stated reason is refused, or undefined for one the trail may keep. */
export function accessReasonProblem(reason: string): string | undefined {
  if (accessReason.test(reason.trim())) return undefined;
  return (
    `must be one of ${Object.keys(accessReasonCodes).join(', ')}, optionally followed by ": " and a reference ` +
    'such as INC-4411 or CWC/12 (a code, not words: the audit trail keeps it for ever)'
  );
}

export type CaseTeam = Readonly<Record<string, { readonly role: CaseRole }>>;

/**
 * The records that have a team of their own, each a door (rule 7): a person's team is her case
 * team; a rescue operation's, the coordinators who planned or joined it; a case's, the legal
 * officers on it; a perpetrator is seen through the cases that name him (and by who profiled
 * him); a household and a prevention plan through their members' case teams.
 */
export type { RecordKind } from '@mukti/contracts';

/** The staff on a record's team, by staff id (what each does there is the record's own business). */
export type Team = Readonly<Record<string, unknown>>;

/** A record as need-to-know sees it: what it is, its id, and its team; no team when there is no such record. */
export interface GuardedRecord {
  readonly kind: RecordKind;
  readonly id: string;
  readonly team: Team | undefined;
}

/** How each kind of record says it is not there: one sentence, whether it does not exist or is not hers to see. */
const notThere: Readonly<Record<RecordKind, string>> = {
  person: 'person {id} is not registered',
  'rescue-operation': 'rescue operation {id} is not planned',
  case: 'case {id} is not registered',
  perpetrator: 'perpetrator {id} is not profiled',
  household: 'household {id} is not registered',
  'prevention-plan': 'prevention plan {id} is not open',
};

/** The one answer for a record that does not exist and for a record she may not see. */
export function recordNotFound(kind: RecordKind, id: string): NotFoundException {
  return new NotFoundException(notThere[kind].replace('{id}', id));
}

/**
 * Whether she is on this team. Her own entry only: a staff id that names something every object
 * has ("constructor", "toString") must not pass for a member.
 */
export function isOnTeam(actor: Pick<Actor, 'id'>, team: Team | undefined): boolean {
  return team !== undefined && Object.prototype.hasOwnProperty.call(team, actor.id);
}

/** Whether she is on this case team (see isOnTeam). */
export const isOnCaseTeam: (actor: Pick<Actor, 'id'>, caseTeam: CaseTeam | undefined) => boolean = isOnTeam;

/**
 * Need-to-know, the one rule for every record with an id, in every service: staff reach a record
 * only while they are on its team, and otherwise get the 404 of a record that does not exist
 * (that it exists is itself something to know); admins reach any record, but only with a stated
 * reason (403 naming what is missing), and a record that does not exist is a 404 for them too.
 * An organisation boundary (several agencies on one platform) would be one more check here, on
 * the actor's organisation and the record's, before the team.
 */
export function assertMayAccess(actor: Actor, record: GuardedRecord, accessReason?: string): void {
  if (actor.role === 'admin') {
    assertAdminStatesReason(accessReason, `opens a ${record.kind.replace('-', ' ')}'s record`);
    if (record.team === undefined) throw recordNotFound(record.kind, record.id);
    return;
  }
  if (!isOnTeam(actor, record.team)) throw recordNotFound(record.kind, record.id);
}

/**
 * Need-to-know for a person (see assertMayAccess): her case team, or an admin with a reason.
 * An admin's 404 for someone never registered is left to the caller, who knows what exists.
 */
export function assertNeedToKnow(actor: Actor, personId: string, caseTeam: CaseTeam | undefined, accessReason?: string): void {
  if (actor.role === 'admin') {
    assertAdminStatesReason(accessReason, "opens a person's record");
    return;
  }
  assertMayAccess(actor, { kind: 'person', id: personId, team: caseTeam }, accessReason);
}

/**
 * Of these people, those she may see inside a record she may open (the persons rescued in an
 * operation, the victims of a case): those on whose case team she is; an admin who stated her
 * reason for the record sees all of them.
 */
export function peopleVisibleTo<P extends { caseTeam?: CaseTeam }>(actor: Actor, people: readonly P[]): P[] {
  return actor.role === 'admin' ? [...people] : people.filter((person) => isOnTeam(actor, person.caseTeam));
}

/**
 * A listing of people (her caseload, open alerts): staff see the people on their own case teams;
 * an admin, who sees everyone's, states why, as for one record.
 */
export function assertMayList(actor: Actor, accessReason?: string): void {
  if (actor.role === 'admin') assertAdminStatesReason(accessReason, 'lists people');
}

function assertAdminStatesReason(accessReason: string | undefined, what: string): void {
  if (accessReason?.trim()) return;
  throw new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: `an admin ${what} only with a stated reason: send it in the ${ACCESS_REASON_HEADER} header`,
    details: [{ field: ACCESS_REASON_HEADER, reason: 'missing' }],
  });
}

/**
 * Which pillars' facts each role sees on a timeline and a summary, entry by entry. Intake facts
 * (registration, consent, vulnerability, case team) frame every case; the rest is each role's
 * own work. Counselling notes are further restricted to counsellors where they are read.
 */
export const pillarsVisibleTo: Readonly<Record<StaffRole, readonly Pillar[]>> = {
  admin: ['intake', 'rescue', 'rehabilitation', 'livelihood', 'legal'],
  caseworker: ['intake', 'rescue', 'rehabilitation', 'livelihood', 'legal'],
  'rescue-coordinator': ['intake', 'rescue'],
  counsellor: ['intake', 'rehabilitation'],
  'livelihood-officer': ['intake', 'livelihood'],
  'legal-officer': ['intake', 'legal'],
  analyst: [],
};

/** The consent scopes that let a legal officer see who she is: she is named to police or courts only with her consent. */
const scopesNamingHerToTheLaw: readonly ConsentScope[] = ['share-with-police', 'share-with-courts'];

/**
 * Who may see a person's personal data (name, aliases, phone, address, birth date) in clear:
 * those who work with her directly, and a legal officer only where her consent to be named to
 * police or courts stands. Analysts never.
 */
export function mayReadPersonalData(role: StaffRole, consents: Partial<Record<ConsentScope, { decision: string }>> = {}): boolean {
  switch (role) {
    case 'admin':
    case 'caseworker':
    case 'counsellor':
    case 'rescue-coordinator':
      return true;
    case 'legal-officer':
      return scopesNamingHerToTheLaw.some((scope) => consents[scope]?.decision === 'granted');
    case 'livelihood-officer':
    case 'analyst':
      return false;
  }
}
