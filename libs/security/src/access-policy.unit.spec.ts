import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { staffRoles } from '@mukti/contracts';
import { accessReasonCodes, accessReasonProblem, assertNeedToKnow, mayReadPersonalData, pillarsVisibleTo } from './access-policy';

const team = { asha: { role: 'caseworker' as const }, lata: { role: 'legal-officer' as const } };

describe('need-to-know', () => {
  it('lets her case team in', () => {
    expect(() => assertNeedToKnow({ id: 'asha', role: 'caseworker' }, 'p', team)).not.toThrow();
  });

  it('answers 404 to anyone else, as if she did not exist', () => {
    expect(() => assertNeedToKnow({ id: 'ravi', role: 'caseworker' }, 'p', team)).toThrow(NotFoundException);
    expect(() => assertNeedToKnow({ id: 'ravi', role: 'caseworker' }, 'p', undefined)).toThrow(NotFoundException);
  });

  it("does not take a staff id that names what every object has for a member of her case team", () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => assertNeedToKnow({ id, role: 'caseworker' }, 'p', team)).toThrow(NotFoundException);
    }
  });

  it('asks an admin for a reason (403 naming the header), and lets her in with one', () => {
    expect(() => assertNeedToKnow({ id: 'root', role: 'admin' }, 'p', team)).toThrow(ForbiddenException);
    expect(() => assertNeedToKnow({ id: 'root', role: 'admin' }, 'p', team, '   ')).toThrow(/x-access-reason/);
    expect(() => assertNeedToKnow({ id: 'root', role: 'admin' }, 'p', undefined, 'court order 12/2026')).not.toThrow();
  });
});

describe('what each role sees', () => {
  it('shows analysts no pillar of anyone, and every other role the intake pillar and its own', () => {
    expect(pillarsVisibleTo.analyst).toEqual([]);
    for (const role of staffRoles.filter((role) => role !== 'analyst')) expect(pillarsVisibleTo[role]).toContain('intake');
    expect(pillarsVisibleTo['legal-officer']).toEqual(['intake', 'legal']);
  });

  it('opens her personal data to a legal officer only while she consents to be named to police or courts', () => {
    expect(mayReadPersonalData('legal-officer')).toBe(false);
    expect(mayReadPersonalData('legal-officer', { 'share-with-courts': { decision: 'granted' } })).toBe(true);
    expect(mayReadPersonalData('legal-officer', { 'share-with-police': { decision: 'withdrawn' } })).toBe(false);
    expect(mayReadPersonalData('analyst', { 'share-with-police': { decision: 'granted' } })).toBe(false);
    expect(mayReadPersonalData('livelihood-officer')).toBe(false);
    expect(mayReadPersonalData('counsellor')).toBe(true);
  });
});

describe("an admin's stated reason", () => {
  it('is a code, perhaps with a reference: what the audit trail may keep for ever', () => {
    for (const code of Object.keys(accessReasonCodes)) expect(accessReasonProblem(code)).toBeUndefined();
    for (const stated of ['legal-obligation: CWC/12', 'safeguarding-concern: INC-4411', 'data-subject-request: 2026-117', ' case-review ']) {
      expect(accessReasonProblem(stated)).toBeUndefined();
    }
  });

  it('is never words, which would sooner or later name her', () => {
    for (const stated of ['checking on Priya from Sonagachi', 'case review', 'case-review: Priya', 'case-review:12', 'audit: 12 Priya', 'audit: INC-12\nPriya', 'case-review: Lakshmiprasad1']) {
      expect(accessReasonProblem(stated)).toMatch(/^must be one of safeguarding-concern, case-review, .*a code, not words/);
    }
  });
});
