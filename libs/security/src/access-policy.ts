import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Actor, CaseRole, ConsentScope, Pillar, StaffRole } from '@mukti/contracts';

/** The header in which an admin states why she opens a person's record (it goes to the audit trail). */
export const ACCESS_REASON_HEADER = 'x-access-reason';

export type CaseTeam = Readonly<Record<string, { readonly role: CaseRole }>>;

/**
 * Whether she is on this case team. Her own entry only: a staff id that names something every
 * object has ("constructor", "toString") must not pass for a member.
 */
export function isOnCaseTeam(actor: Pick<Actor, 'id'>, caseTeam: CaseTeam | undefined): boolean {
  return caseTeam !== undefined && Object.prototype.hasOwnProperty.call(caseTeam, actor.id);
}

/**
 * Need-to-know, the same in every service that holds a person's data: staff see a person only
 * when they are on her case team, and otherwise get 404 (whether she exists is itself personal
 * data); admins see anyone, but only with a stated reason (403 naming what is missing).
 */
export function assertNeedToKnow(actor: Actor, personId: string, caseTeam: CaseTeam | undefined, accessReason?: string): void {
  if (actor.role === 'admin') {
    assertAdminStatesReason(accessReason, "opens a person's record");
    return;
  }
  if (!isOnCaseTeam(actor, caseTeam)) throw new NotFoundException(`person ${personId} is not registered`);
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
