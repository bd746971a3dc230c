/**
 * Rules every request class keeps, whatever its pillar: found by the schema-driven fuzzer
 * (tools/fuzz), each a request the document allowed and the server got wrong.
 */
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import * as staffApi from './index';
import { AdmitToShelterRequest } from './rehabilitation/care-plan.requests';
import { RegisterHouseholdRequest } from './intake/household.requests';

const problems = (type: new () => object, body: object) =>
  validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((reason) => ({ field: error.property, reason })),
  );

describe('request classes of the staff API', () => {
  it('a required nested object that is missing is refused, not handed to the handler as undefined (a 500 there)', () => {
    expect(problems(RegisterHouseholdRequest, { memberIds: ['e3e70682-c209-4cac-a29f-6fbed82c07cd'] })).toContainEqual({ field: 'place', reason: 'place must be an object' });
    expect(problems(AdmitToShelterRequest, { admittedAt: '2026-03-14T09:30:00Z' })).toContainEqual({ field: 'shelter', reason: 'shelter must be an object' });
  });

  it('every nested object field of every request class is checked to be one', () => {
    type Rule = { name?: string; type: string; propertyName: string; each?: boolean };
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Rule[]> };
    const classes = new Set<unknown>(Object.values(staffApi).filter((value) => typeof value === 'function'));
    const unchecked: string[] = [];
    for (const [target, rules] of storage.validationMetadatas) {
      if (!classes.has(target)) continue;
      for (const nested of rules.filter((rule) => rule.type === 'nestedValidation' && !rule.each)) {
        const own = rules.filter((rule) => rule.propertyName === nested.propertyName);
        if (!own.some((rule) => rule.name === 'isObject')) unchecked.push(`${target.name}.${nested.propertyName}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it('dates and times are RFC 3339 in the years 1900 to 2999, as the document says', () => {
    const { AssessVulnerabilityRequest } = staffApi;
    const at = (assessedAt: string) => problems(AssessVulnerabilityRequest, { factors: [], assessedAt }).map((problem) => problem.reason);
    expect(at('2026-03-14T09:30:00Z')).toEqual([]);
    expect(at('1998-11-28T05:22:33.1153+11:16')).toEqual([]);
    // ISO 8601 reads the year 0098 as 1998 and refuses it: the document's date-time allowed it.
    expect(at('0098-11-28T05:22:33.1153+11:16')).toContainEqual(expect.stringMatching(/years 1900 to 2999/));
    expect(at('2026-03-14')).toEqual([expect.stringMatching(/date and time such as/)]);
    expect(at('2026-02-30T09:30:00Z')).toEqual([expect.stringMatching(/real calendar date/)]);
  });

  it('a birth date is a real calendar date in 1900-2099, as the document says (format: date and its pattern)', () => {
    const { RegisterPersonRequest } = staffApi;
    const born = (birthDate: string) =>
      problems(RegisterPersonRequest, { name: 'Rani', role: 'survivor', gender: 'female', referralSource: 'police', birthDate }).map((problem) => problem.reason);
    expect(born('2008-03-14')).toEqual([]);
    // The old pattern (\d{4}-\d{2}-\d{2}) allowed these, and ISO 8601 refused them with a 400.
    expect(born('3648-97-22')).toContainEqual(expect.stringMatching(/between 1900 and 2099/));
    expect(born('0098-11-28')).toContainEqual(expect.stringMatching(/between 1900 and 2099/));
    expect(born('2023-02-29')).toEqual(['birthDate must be a real calendar date']);
  });

  it("a name's pattern names the control characters as ranges a client can generate from, the same ones as \\p{Cc}", () => {
    const { RegisterPersonRequest } = staffApi;
    const ranges = /[\u0000-\u001F\u007F-\u009F]/u;
    const different = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      const character = String.fromCodePoint(code);
      if (ranges.test(character) !== /\p{Cc}/u.test(character)) different.push(code);
    }
    expect(different).toEqual([]);
    const name = (value: string) => problems(RegisterPersonRequest, { name: value, role: 'survivor', gender: 'female', referralSource: 'police' });
    expect(name('Rani Das')).toEqual([]);
    expect(name('\u0000\u200b ')).toEqual([{ field: 'name', reason: 'name must contain a letter and no control characters' }]);
    expect(name('Rani\u0085Das')).toEqual([{ field: 'name', reason: 'name must contain a letter and no control characters' }]);
  });
});

describe('a staff member named in a request', () => {
  const { AssignStaffRequest } = staffApi;
  it.each(['meera', 'meera_das', 'auth0|6541', 'meera@field-office', 'f47ac10b-58cc-4372-a567-0e02b2c3d479'])('may be %s', (staffId) => {
    expect(problems(AssignStaffRequest, { staffId, staffRole: 'caseworker' })).toEqual([]);
  });

  // A dot or a leading $ cannot be a key in the store, and case teams are keyed by staff id: that was a 500 (found by the fuzzer).
  it.each(['meera.das', '$where', 'meera das', ''])('is refused when it is %j (a 400 naming staffId)', (staffId) => {
    expect(problems(AssignStaffRequest, { staffId, staffRole: 'caseworker' }).map((problem) => problem.field)).toContain('staffId');
  });
});

describe("an audit trail query (whose trail: a person's or a record's)", () => {
  const { AuditQuery, auditSubject } = staffApi;
  const person = 'e3e70682-c209-4cac-a29f-6fbed82c07cd';

  it('naming neither is a 422 that says so, not a 400 for a query the description allows (schemathesis: schema-valid request rejected)', () => {
    expect(problems(AuditQuery, { page: 1 })).toEqual([]);
    expect(() => auditSubject(plainToInstance(AuditQuery, {}))).toThrow(expect.objectContaining({ status: 422 }));
  });

  it('naming one reads that one; an id that is not a UUID is still a 400', () => {
    expect(auditSubject(plainToInstance(AuditQuery, { personId: person }))).toEqual({ personId: person });
    expect(auditSubject(plainToInstance(AuditQuery, { recordId: person }))).toEqual({ recordId: person });
    expect(problems(AuditQuery, { recordId: 'x' })).toEqual([{ field: 'recordId', reason: 'recordId must be a UUID' }]);
  });
});

// The document's maxLength counts characters (JSON Schema); class-validator's Length does not
// count a variation selector after a character, so it accepted what the document refused.
describe('lengths of text are counted in characters, as the document counts them', () => {
  const { RegisterPersonRequest } = staffApi;
  const someone = (languages: string[]) => ({ role: 'at-risk', name: 'Asha', gender: 'female', referralSource: 'community', languages });

  it('40 characters outside the Basic Multilingual Plane are 40, not 80', () => {
    expect(problems(RegisterPersonRequest, someone(['𑀅'.repeat(40)]))).toEqual([]);
  });

  it('a variation selector is a character of its own', () => {
    expect(problems(RegisterPersonRequest, someone(['✓\uFE0F'.repeat(20)]))).toEqual([]);
    expect(problems(RegisterPersonRequest, someone(['✓\uFE0F'.repeat(21)])).map((problem) => problem.field)).toEqual(['languages']);
  });
});
