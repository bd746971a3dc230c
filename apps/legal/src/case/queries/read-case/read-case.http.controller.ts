import { Controller, Get } from '@nestjs/common';
import type { Actor, ConsentScope } from '@mukti/contracts';
import { namingScopes } from '@mukti/contracts';
import { AccessReason, IdParam, StaffEndpoint } from '@mukti/http';
import { CurrentActor, KnownPeople, KnownPerson, peopleVisibleTo } from '@mukti/security';
import type { CaseView } from '@mukti/staff-api';
import { CaseStore } from '../../case.store';

/**
 * A case as its team follows it: coded facts and ids, and the FIR's number and police station
 * opened with the case's key (for its team only; gone once the key is). Its team only
 * (an admin with a reason); of its victims and survivors accused, those on whose case team the
 * reader is and who still consent to be named to the police or a court (an admin: all of them).
 */
@Controller('cases/:caseId')
export class ReadCaseController {
  constructor(
    private readonly cases: CaseStore,
    private readonly knownPeople: KnownPeople,
  ) {}

  @Get()
  @StaffEndpoint('readCase')
  async read(@IdParam('caseId') caseId: string, @CurrentActor() actor: Actor, @AccessReason() accessReason?: string): Promise<CaseView> {
    const { status, team, consentWithdrawalsAlerted: _alerted, ...record } = await this.cases.openFor(caseId, actor, accessReason);
    const named = [...new Set([...record.victimIds, ...record.survivorsAccused])];
    const known = (await Promise.all(named.map((personId) => this.knownPeople.find(personId)))).filter((person): person is KnownPerson => !!person?.registeredAt);
    const visible = peopleVisibleTo(actor, known);
    // A survivor accused is shown to her case team whatever her consents: defending her is the work.
    const accusedShown = new Set(visible.map((person) => person._id));
    const shown = new Set(
      visible.filter((person) => actor.role === 'admin' || namingScopes.some((scope) => person.consents[scope as ConsentScope] === 'granted')).map((person) => person._id),
    );
    const only = <T>(byPerson: Record<string, T>) => Object.fromEntries(Object.entries(byPerson).filter(([personId]) => shown.has(personId)));
    return {
      caseId,
      status,
      record: {
        ...record,
        fir: await this.cases.firAsRead(record.fir),
        victimIds: record.victimIds.filter((personId) => shown.has(personId)),
        victimsNotShown: record.victimIds.filter((personId) => !shown.has(personId)).length,
        survivorsAccused: record.survivorsAccused.filter((personId) => accusedShown.has(personId)),
        witnessSupport: only(record.witnessSupport),
        compensationOrderedInr: only(record.compensationOrderedInr),
        team: Object.keys(team ?? {}),
      },
    };
  }
}
