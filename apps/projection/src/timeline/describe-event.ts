/**
 * How each event appears on a person's timeline: a short summary in the staff's words and the
 * non-identifying facts the summary of her case is computed from. Never personal data: the
 * projection does not hold her keys and does not need them (counselling notes, sealed with her
 * key, are never copied here: a session is its id and kind only).
 */
import {
  AnyPillarEventEnvelope,
  eventCatalog,
  intakeEventTypes,
  Pillar,
  rehabilitationEventTypes,
  rescueEventTypes,
} from '@mukti/contracts';

export interface TimelineFacts {
  [key: string]: unknown;
}

export interface DescribedEvent {
  pillar: Pillar;
  summary: string;
  facts: TimelineFacts;
}

/** A place of recruitment, transit or exploitation, as coded in the trafficking profile. */
export interface CodedPlace {
  country: string;
  state?: string;
  district?: string;
}

const words = (value: string) => value.replace(/-/g, ' ');
const list = (values: readonly string[]) => values.map(words).join(', ');
/** A moment as staff read it: the day and the time, in UTC (however it was written). */
const when = (iso: string) => `${day(iso)} ${new Date(iso).toISOString().slice(11, 16)} UTC`;
function day(iso: string) {
  return new Date(iso).toISOString().slice(0, 10);
}
const givers = { self: 'herself', guardian: 'her guardian', 'child-welfare-committee': 'the Child Welfare Committee' } as const;
const capitalised = (value: string) => words(value).replace(/^./, (first) => first.toUpperCase());
const documentNames: Partial<Record<string, string>> = { aadhaar: 'Aadhaar card', 'voter-id': 'voter ID card', pan: 'PAN card' };
const origins = { rescued: 'after her rescue', referred: 'on referral' } as const;
const recipients = { family: 'her family', 'child-welfare-committee': 'the Child Welfare Committee of her home district' } as const;

/** Only the coded parts of a place, without keys for what is not known (so stored facts compare equal). */
const codedPlace = ({ country, state, district }: CodedPlace): CodedPlace => ({ country, ...(state ? { state } : {}), ...(district ? { district } : {}) });
const placeWords = ({ country, state, district }: CodedPlace) => [district, state, country].filter(Boolean).join(', ');

export function describeEvent(event: AnyPillarEventEnvelope): DescribedEvent {
  const pillar: Pillar = eventCatalog[event.type].pillar;
  switch (event.type) {
    case intakeEventTypes.personRegistered: {
      const { role, gender, ageBand, origin, referralSource, languages } = event.data;
      const from = origin ? ` from ${origin.district}, ${origin.state}` : '';
      return {
        pillar,
        summary: `Registered as ${role === 'survivor' ? 'a survivor' : 'a person at risk'} (${gender}, age ${ageBand})${from}; referred by ${words(referralSource)}`,
        facts: { role, gender, ageBand, origin, referralSource, languages },
      };
    }
    case intakeEventTypes.consentRecorded: {
      const { scope, decision, givenBy } = event.data;
      return {
        pillar,
        summary: `Consent to ${words(scope)} ${decision} (given by ${givers[givenBy]})`,
        facts: { scope, decision, givenBy },
      };
    }
    case intakeEventTypes.vulnerabilityAssessed: {
      const { level, score, factors } = event.data;
      const listed = factors.length > 0 ? `; ${factors.map(words).join(', ')}` : '';
      return {
        pillar,
        summary: `Vulnerability assessed: ${level} (score ${score}${listed})`,
        facts: { level, score, factors },
      };
    }
    case intakeEventTypes.staffAssigned: {
      const { staffId, staffRole } = event.data;
      return { pillar, summary: `${words(staffRole)} ${staffId} joined her case team`, facts: { staffId, staffRole } };
    }
    case intakeEventTypes.staffUnassigned: {
      const { staffId } = event.data;
      return { pillar, summary: `${staffId} left her case team`, facts: { staffId } };
    }
    case intakeEventTypes.personErased: {
      const { reason } = event.data;
      return { pillar, summary: `Personal data erased (${words(reason)}); the non-identifying record remains`, facts: { reason } };
    }

    case rescueEventTypes.operationPlanned: {
      const { kind, place, legalBasis } = event.data;
      return {
        pillar,
        summary: `Rescue operation planned: ${words(kind)} at a ${words(place.kindOfPlace)} in ${place.district}, ${place.state} (${words(legalBasis)})`,
        facts: { kind, kindOfPlace: place.kindOfPlace, state: place.state, district: place.district, legalBasis },
      };
    }
    case rescueEventTypes.operationCarriedOut: {
      const { personsRescued, searchWithoutRequiredWitnesses } = event.data;
      const flag = searchWithoutRequiredWitnesses ? '; ITPA s.15 search without the two local witnesses, one a woman' : '';
      return { pillar, summary: `Rescue operation carried out: ${personsRescued} rescued${flag}`, facts: { personsRescued, searchWithoutRequiredWitnesses } };
    }
    case rescueEventTypes.operationClosed: {
      const { outcome, counts } = event.data;
      const { personsRescued, children, adults, recordedAsAccused, stepsDone, stepsDoneLate, stepsOpen } = counts;
      return {
        pillar,
        summary:
          `Rescue operation closed (${words(outcome)}): ${personsRescued} rescued (${children} on the child-protection path, ${adults} adults), ` +
          `${recordedAsAccused} recorded as accused; post-rescue steps ${stepsDone} done (${stepsDoneLate} late), ${stepsOpen} open`,
        facts: { outcome, personsRescued, children, adults, recordedAsAccused, stepsDone, stepsDoneLate, stepsOpen },
      };
    }
    case rescueEventTypes.personRescued: {
      const { operationId, rescuedAt, place, policeRecordedAs, decriminalisationAlert, itpaAgeClass, jjAgeClass, stepsDue } = event.data;
      const alert = decriminalisationAlert ? ' ALERT: the police recorded her as accused; a survivor is never an offender' : '';
      return {
        pillar,
        summary: `Rescued from a ${words(place.kindOfPlace)} in ${place.district}, ${place.state}; recorded by the police as ${policeRecordedAs}.${alert}`,
        facts: { operationId, rescuedAt, kindOfPlace: place.kindOfPlace, policeRecordedAs, decriminalisationAlert, itpaAgeClass, jjAgeClass, stepsDue },
      };
    }
    case rescueEventTypes.postRescueStepCompleted: {
      const { operationId, step, doneAt, late } = event.data;
      return { pillar, summary: `${words(step)} done${late ? ' (after its due time)' : ''}`, facts: { operationId, step, doneAt, late } };
    }
    case rescueEventTypes.postRescueStepOverdue: {
      const { operationId, step, dueAt } = event.data;
      return { pillar, summary: `OVERDUE: ${words(step)} was due by ${when(dueAt)} and is not recorded as done`, facts: { operationId, step, dueAt } };
    }
    case rescueEventTypes.policeRecordChanged: {
      const { operationId, policeRecordedAs, decriminalisationAlert } = event.data;
      const alert = decriminalisationAlert ? ' ALERT: a survivor is never an offender' : '; the decriminalisation alert is closed';
      return { pillar, summary: `The police now record her as ${policeRecordedAs}${alert}`, facts: { operationId, policeRecordedAs, decriminalisationAlert } };
    }
    case rescueEventTypes.traffickingProfileRecorded: {
      const { operationId, traffickingStatus, exploitationTypes, recruitmentMethod, meansOfControl, relationshipToTrafficker, source, transit, destination } =
        event.data;
      const route = [
        source ? `from ${placeWords(source)}` : '',
        transit.length > 0 ? `through ${transit.map(placeWords).join('; ')}` : '',
        destination ? `to ${placeWords(destination)}` : '',
      ].filter(Boolean);
      const control = meansOfControl.length > 0 ? `; controlled by ${list(meansOfControl)}` : '';
      return {
        pillar,
        summary:
          `Trafficking profile recorded (${traffickingStatus} victim): ${list(exploitationTypes)}; recruited by ${words(recruitmentMethod)}` +
          `${control}; trafficker: ${words(relationshipToTrafficker)}${route.length > 0 ? `; ${route.join(' ')}` : ''}`,
        facts: {
          operationId,
          traffickingStatus,
          exploitationTypes,
          recruitmentMethod,
          meansOfControl,
          relationshipToTrafficker,
          ...(source ? { source: codedPlace(source) } : {}),
          transit: transit.map(codedPlace),
          ...(destination ? { destination: codedPlace(destination) } : {}),
        },
      };
    }

    case rehabilitationEventTypes.carePlanOpened: {
      const { origin, operationId, child, goals } = event.data;
      return {
        pillar,
        summary: `Care plan opened ${origins[origin]}${child ? ', on the child-protection path' : ''}; goals: ${list(goals)}`,
        facts: { origin, ...(operationId ? { operationId } : {}), child, goals },
      };
    }
    case rehabilitationEventTypes.goalSet: {
      const { domain, status } = event.data;
      return { pillar, summary: `Care plan goal ${words(domain)}: ${status}`, facts: { domain, status } };
    }
    case rehabilitationEventTypes.shelterAdmitted: {
      const { shelter, admittedAt } = event.data;
      return {
        pillar,
        summary: `Admitted to ${shelter.name} (${words(shelter.kind)} shelter) in ${shelter.district}, ${shelter.state}`,
        facts: { shelterName: shelter.name, shelterKind: shelter.kind, shelterState: shelter.state, shelterDistrict: shelter.district, admittedAt },
      };
    }
    case rehabilitationEventTypes.shelterDischarged: {
      const { shelterName, reason, dischargedAt } = event.data;
      return { pillar, summary: `Discharged from ${shelterName} (${words(reason)})`, facts: { shelterName, reason, dischargedAt } };
    }
    case rehabilitationEventTypes.counsellingSessionRecorded: {
      // The notes stay sealed with her key, in the rehabilitation service: not a word of them here.
      const { sessionId, kind } = event.data;
      return { pillar, summary: `${capitalised(kind)} counselling session held`, facts: { sessionId, kind } };
    }
    case rehabilitationEventTypes.healthServiceRecorded: {
      const { service, provider } = event.data;
      return { pillar, summary: `Health care: ${words(service)} (${provider === 'ngo' ? 'NGO' : provider} provider)`, facts: { service, provider } };
    }
    case rehabilitationEventTypes.educationEnrolled: {
      const { programme } = event.data;
      return { pillar, summary: `Enrolled in education: ${words(programme)}`, facts: { programme } };
    }
    case rehabilitationEventTypes.identityDocumentRecorded: {
      const { document, status } = event.data;
      return { pillar, summary: `${capitalised(documentNames[document] ?? words(document))}: ${status}`, facts: { document, status } };
    }
    case rehabilitationEventTypes.voterRegistered:
      return { pillar, summary: 'Registered as a voter, on the electoral roll', facts: {} };
    case rehabilitationEventTypes.repatriationStepRecorded: {
      const { step, home, homeInvestigationOutcome, handedOverTo } = event.data;
      const done =
        step === 'home-investigation-report'
          ? `home investigation report${homeInvestigationOutcome ? ` ${homeInvestigationOutcome}` : ''}`
          : step === 'escort'
            ? 'escorted home'
            : `handed over${handedOverTo ? ` to ${recipients[handedOverTo]}` : ''}`;
      return {
        pillar,
        summary: `Repatriation to ${home.district}, ${home.state}: ${done}`,
        facts: {
          step,
          home: { state: home.state, district: home.district },
          ...(homeInvestigationOutcome ? { homeInvestigationOutcome } : {}),
          ...(handedOverTo ? { handedOverTo } : {}),
        },
      };
    }
    case rehabilitationEventTypes.followUpsScheduled: {
      const { everyMonths, forMonths, dueDates } = event.data;
      const first = new Date(Math.min(...dueDates.map((due) => Date.parse(due)))).toISOString();
      return {
        pillar,
        summary: `Reintegration follow-ups scheduled every ${everyMonths} month${everyMonths === 1 ? '' : 's'} for ${forMonths} months (${dueDates.length} in all, the first due ${day(first)})`,
        facts: { everyMonths, forMonths, dueDates },
      };
    }
    case rehabilitationEventTypes.followUpRecorded: {
      const { dueAt, heldAt, status, retraffickingRisk } = event.data;
      return {
        pillar,
        summary: `Reintegration follow-up (due ${day(dueAt)}) held: ${words(status)}; risk of re-trafficking ${retraffickingRisk}`,
        facts: { dueAt, heldAt, status, retraffickingRisk },
      };
    }
    case rehabilitationEventTypes.followUpMissed: {
      const { dueAt } = event.data;
      return { pillar, summary: `MISSED: the reintegration follow-up due ${day(dueAt)} was not held`, facts: { dueAt } };
    }
    case rehabilitationEventTypes.compensationRecorded: {
      const { stage, scheme, amountInr } = event.data;
      const amount = amountInr !== undefined ? ` (₹${amountInr.toLocaleString('en-IN')})` : '';
      return { pillar, summary: `Compensation ${stage}${amount} under the ${words(scheme)}`, facts: { stage, scheme, ...(amountInr !== undefined ? { amountInr } : {}) } };
    }
  }
}
