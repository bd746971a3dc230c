/**
 * The legal part of her summary: her cases as a victim (each folded one event at a time) and the
 * alerts about her that cases raise. A case is hers when its FIR is on her timeline (an FIR names
 * its victims); a case that accuses her and records her bail is not a case of hers.
 */
import { intakeEventTypes, legalEventTypes } from '@mukti/contracts';
import { CaseProgress, evolveCase, initialCaseProgress, prosecutionCaseFrom } from '../prosecution/prosecution-read-model';
import type { HerCase, LegalStatus, LegalSummary } from '../timeline/person-summary';
import { CaseEventEnvelope, isCaseEventType } from '../timeline/whose-timeline';
import { close, instant, KeyedAlert, raise, raisedAtOf } from './alerts';
import type { Applied } from './summary-event';

/** A case on her timeline: where it is, and what of it is hers. One per case, whatever its history. */
export interface HerCaseView {
  progress: CaseProgress;
  /** When its first event on her timeline happened (her cases are shown in that order). */
  firstAt: string;
  witnessSupport: { count: number; inCamera: number };
  compensationOrderedInr: number;
}

export interface LegalView {
  cases: HerCaseView[];
  alerts: KeyedAlert[];
  /**
   * When she last granted each consent that names her to the law. Her consents (intake's topic)
   * and a case's alert about them (legal's) are two streams whose order a replay does not keep:
   * a withdrawal is alerted only if no later grant is known, and a grant closes only alerts on
   * withdrawals made before it, so the live summary and one rebuilt from the topics agree.
   */
  grantedAt?: Record<string, string>;
}

export const initialLegalView = (): LegalView => ({ cases: [], alerts: [] });

function evolveHerCase(view: LegalView, { event, personId, at }: Applied<CaseEventEnvelope>): LegalView {
  const caseId = event.data.caseId;
  const current = view.cases.find((herCase) => herCase.progress.caseId === caseId) ?? {
    progress: initialCaseProgress(caseId),
    firstAt: at,
    witnessSupport: { count: 0, inCamera: 0 },
    compensationOrderedInr: 0,
  };
  const hers = 'personId' in event.data && event.data.personId === personId;
  const next: HerCaseView = { ...current, progress: evolveCase(current.progress, event), firstAt: at < current.firstAt ? at : current.firstAt };
  if (hers && event.type === legalEventTypes.witnessSupportRecorded) {
    next.witnessSupport = { count: current.witnessSupport.count + 1, inCamera: current.witnessSupport.inCamera + (event.data.inCamera ? 1 : 0) };
  }
  if (hers && event.type === legalEventTypes.compensationOrdered) next.compensationOrderedInr = current.compensationOrderedInr + (event.data.amountInr ?? 0);
  const known = view.cases.some((herCase) => herCase.progress.caseId === caseId);
  // In the order of their ids: her cases' events arrive in any order between cases, and every replica must store the same view.
  const cases = known ? view.cases.map((herCase) => (herCase.progress.caseId === caseId ? next : herCase)) : [...view.cases, next].sort((a, b) => a.progress.caseId.localeCompare(b.progress.caseId));
  return { ...view, cases, alerts: caseAlerts(view.alerts, next.progress, event, at) };
}

/** A charge sheet missing, until it is filed or the case is closed; closing a case closes its consent alerts too. */
function caseAlerts(alerts: KeyedAlert[], progress: CaseProgress, event: CaseEventEnvelope, at: string): KeyedAlert[] {
  const { caseId } = progress;
  switch (event.type) {
    case legalEventTypes.chargeSheetMissing: {
      if (progress.chargeSheetFiled || progress.closedReason !== undefined) return alerts;
      // The 90-day flag after the 60-day one: the same alert, waiting since the first.
      const key = `charge-sheet-missing:${caseId}`;
      return raise(alerts, key, {
        kind: 'charge-sheet-missing',
        pillar: 'legal',
        raisedAt: raisedAtOf(alerts, key) ?? at,
        details: { caseId, daysAfterFir: String(event.data.daysAfterFir), dueAt: instant(event.data.dueAt) },
      });
    }
    case legalEventTypes.chargeSheetFiled:
      return close(alerts, (key) => key === `charge-sheet-missing:${caseId}`);
    case legalEventTypes.caseClosed:
      return close(alerts, (key) => key === `charge-sheet-missing:${caseId}` || key.startsWith(`consent-withdrawn:${caseId}:`));
    default:
      return alerts;
  }
}

const isClosed = (view: LegalView, caseId: string) => view.cases.some((herCase) => herCase.progress.caseId === caseId && herCase.progress.closedReason !== undefined);

/**
 * Her case events come keyed by the case, her own legal events keyed by her: the two streams may
 * interleave in any order, so what one says about the other is checked both ways (a consent
 * alert on a case already closed is not raised; the closure closes one raised before).
 */
export function evolveLegal(view: LegalView, applied: Applied): LegalView {
  const { event, at } = applied;
  if (isCaseEventType(event.type)) return evolveHerCase(view, applied as Applied<CaseEventEnvelope>);
  switch (event.type) {
    // Rescue's decriminalisation alert is keyed by its operation; this one by the case.
    case legalEventTypes.survivorNamedAsAccused:
      return { ...view, alerts: raise(view.alerts, `decriminalisation:case:${event.data.caseId}`, { kind: 'decriminalisation', pillar: 'legal', raisedAt: at, details: { caseId: event.data.caseId } }) };
    case legalEventTypes.survivorAccusationDropped:
      return { ...view, alerts: close(view.alerts, (key) => key === `decriminalisation:case:${event.data.caseId}`) };
    case legalEventTypes.debtBondageSuspected: {
      // Open until someone acts on it: no event closes it yet (the debt outlives the case).
      const { caseId, suretyPerpetratorId } = event.data;
      return { ...view, alerts: raise(view.alerts, `debt-bondage:${caseId}`, { kind: 'debt-bondage', pillar: 'legal', raisedAt: at, details: { caseId, suretyPerpetratorId } }) };
    }
    case legalEventTypes.consentWithdrawnOnOpenCase: {
      const { caseId, scope, withdrawnAt } = event.data;
      if (isClosed(view, caseId)) return view;
      const granted = view.grantedAt?.[scope];
      if (granted && Date.parse(granted) > Date.parse(withdrawnAt)) return view;
      return {
        ...view,
        alerts: raise(view.alerts, `consent-withdrawn:${caseId}:${scope}`, { kind: 'consent-withdrawn-on-open-case', pillar: 'legal', raisedAt: at, details: { caseId, scope } }),
      };
    }
    case intakeEventTypes.consentRecorded: {
      // Granted again: she may be named to the law again, nothing is left to act on (for withdrawals made before the grant).
      const { decision, scope, decidedAt } = event.data;
      if (decision !== 'granted') return view;
      const grantedAt = view.grantedAt?.[scope] && Date.parse(view.grantedAt[scope]!) > Date.parse(decidedAt) ? view.grantedAt[scope]! : decidedAt;
      const alerts = close(
        view.alerts,
        (key, alert) => key.startsWith('consent-withdrawn:') && key.endsWith(`:${scope}`) && Date.parse(alert.raisedAt) < Date.parse(decidedAt),
      );
      return { ...view, alerts, grantedAt: { ...view.grantedAt, [scope]: grantedAt } };
    }
    default:
      return view;
  }
}

/**
 * Her legal status is that of the case that most needs following (the rule: LegalSummary.status);
 * her cases in the order their first events happened.
 */
export function legalSummaryOf(view: LegalView): LegalSummary {
  const cases = view.cases
    .filter((herCase) => herCase.progress.fir !== undefined)
    .sort((a, b) => a.firstAt.localeCompare(b.firstAt))
    .map(({ progress, witnessSupport, compensationOrderedInr }): HerCase => {
      const { caseId, fir, stage, accused, nextHearingAt } = prosecutionCaseFrom(progress);
      return {
        caseId,
        ...(fir ? { firRegisteredAt: fir.registeredAt } : {}),
        stage,
        accusedCount: accused.length,
        arrested: accused.filter((one) => one.custody === 'arrested').length,
        absconding: accused.filter((one) => one.custody === 'absconding').length,
        convictions: accused.filter((one) => one.verdict === 'convicted').length,
        acquittals: accused.filter((one) => one.verdict === 'acquitted').length,
        witnessSupport,
        compensationOrderedInr,
        ...(nextHearingAt ? { nextHearingAt } : {}),
      };
    });
  const stages = new Set(cases.map((herCase) => herCase.stage));
  const status: LegalStatus =
    cases.length === 0
      ? 'no-case'
      : stages.has('fir-registered') || stages.has('charge-sheet-filed') || stages.has('trial')
        ? 'case-open'
        : stages.has('verdict')
          ? 'verdict'
          : 'closed';
  return { status, cases };
}
