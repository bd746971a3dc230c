/**
 * How each event appears on a person's timeline: a short summary in the staff's words and the
 * non-identifying facts the summary of her case is computed from. Never personal data: the
 * projection does not hold her keys and does not need them (counselling notes, sealed with her
 * key, are never copied here: a session is its id and kind only). Nor a perpetrator's: his name
 * and whereabouts travel sealed with his own key, and a case names him by id only. Employers,
 * enterprises, trades and training providers are businesses and courses, not people: the words
 * name them, the facts keep their codes only (sector, skill level, income against the minimum wage).
 */
import {
  Act,
  AnyPillarEventEnvelope,
  courts,
  eventCatalog,
  governmentSchemes,
  intakeEventTypes,
  legalEventTypes,
  livelihoodEventTypes,
  MinimumWage,
  Pillar,
  PREVENTION_FOLLOW_UP_MONTHS,
  preventionSupportKinds,
  rehabilitationEventTypes,
  rescueEventTypes,
  Section,
  trainingAudiences,
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
export const codedPlace = ({ country, state, district }: CodedPlace): CodedPlace => ({ country, ...(state ? { state } : {}), ...(district ? { district } : {}) });
const placeWords = ({ country, state, district }: CodedPlace) => [district, state, country].filter(Boolean).join(', ');
const rupees = (amount: number) => `₹${amount.toLocaleString('en-IN')}`;
/** Only the parts known, without keys for the rest (so stored facts compare equal). */
const known = <T extends Record<string, unknown>>(parts: T) =>
  Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

const actNames: Record<Act, string> = { itpa: 'ITPA', bns: 'BNS', pocso: 'POCSO', 'jj-act': 'JJ Act', 'it-act': 'IT Act', ipc: 'IPC', other: 'other law' };
/** Sections as lawyers cite them, grouped by act in the order cited: "ITPA s.3, s.4 and BNS s.143". */
function sectionWords(sections: readonly Section[]): string {
  const byAct = new Map<Act, string[]>();
  for (const { act, section } of sections) byAct.set(act, [...(byAct.get(act) ?? []), `s.${section}`]);
  const groups = [...byAct].map(([act, cited]) => `${actNames[act]} ${cited.join(', ')}`);
  return groups.length > 1 ? `${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}` : (groups[0] ?? '');
}
const copySections = (sections: readonly Section[]) => sections.map(({ act, section }) => ({ act, section }));
const courtNames: Record<(typeof courts)[number], string> = {
  magistrate: "the magistrate's court",
  'sessions-court': 'the sessions court',
  'special-court-itpa': 'the special court (ITPA)',
  'special-court-pocso': 'the special court (POCSO)',
  'high-court': 'the High Court',
  'supreme-court': 'the Supreme Court',
};
const audienceNames: Record<(typeof trainingAudiences)[number], string> = {
  'police-and-ahtu': 'police and anti-human-trafficking units',
  prosecutors: 'prosecutors',
  judiciary: 'the judiciary',
  'child-welfare-committee': 'Child Welfare Committee members',
  'shelter-staff': 'shelter staff',
  'labour-department': 'the labour department',
  'ngo-staff': 'NGO staff',
};
const planOrigins = { 'care-plan': "from her care plan's livelihood goal", referred: 'on referral' } as const;
const schemeNames: Record<(typeof governmentSchemes)[number], string> = {
  'pm-vishwakarma': 'PM Vishwakarma',
  pmegp: 'PMEGP',
  'deendayal-antyodaya-nrlm': 'DAY-NRLM (self-help groups)',
  mgnrega: 'MGNREGA',
  'pm-awas': 'PM Awas Yojana',
  'ration-card-pds': 'a ration card (PDS)',
  'widow-or-single-woman-pension': 'the widow or single woman pension',
  scholarship: 'a scholarship',
  ujjawala: 'Ujjawala',
  other: 'another government scheme',
};
const supportNames: Record<(typeof preventionSupportKinds)[number], string> = {
  'education-support': 'education support',
  'livelihood-support': 'livelihood support',
  'awareness-session': 'an awareness session',
  'scheme-linkage': 'scheme linkage',
};
/** The minimum wage a placement is compared with, as the facts keep it: the figure and what it applies to (its notification stays with the livelihood service). */
export const codedWage = ({ monthlyInr, state, skillLevel, effectiveFrom }: MinimumWage) => ({ monthlyInr, state, skillLevel, effectiveFrom });
const minimumWageWords = ({ monthlyInr, state, skillLevel }: MinimumWage) => `the minimum wage of ${rupees(monthlyInr)} for ${skillLevel} work in ${state}`;
const people = (count: number) => `${count} ${count === 1 ? 'person' : 'people'}`;

/** Staff write the station's name with or without "police station": it is said once. */
const accusedWords = (count: number) => (count === 0 ? 'no accused named yet' : `${count} accused`);

/**
 * The entry of an event on the timeline of personId (the event's subject unless a case's event
 * is fanned out to its victims, or a prevention plan's to the people it covers): the facts are
 * the same on every timeline, the words say whether it is about her or another person of the
 * case or plan. A household's events are described too, though they are on no one's timeline.
 */
export function describeEvent(event: AnyPillarEventEnvelope, personId: string = event.subject): DescribedEvent {
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
    case intakeEventTypes.possibleDuplicateReported:
      return {
        pillar,
        summary: `A ${words(event.data.reportedByRole)} not on her case team tried to register someone with her name and phone or birth date: review whether it is her`,
        facts: { reportedByRole: event.data.reportedByRole },
      };
    case intakeEventTypes.ageDetermined: {
      const { method, determinedOn, ageBand } = event.data;
      return { pillar, summary: `Age determined by ${words(method)} on ${determinedOn}: age ${ageBand}`, facts: { method, determinedOn, ageBand } };
    }
    case intakeEventTypes.ageBandMoved: {
      const { ageBand } = event.data;
      return { pillar, summary: `A birthday took her into age band ${ageBand}`, facts: { ageBand } };
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
    case rescueEventTypes.operationTeamJoined:
      return { pillar, summary: 'A coordinator joined the rescue operation', facts: { operationId: event.data.operationId } };
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
    // A shelter by its kind and district, never its name (sealed from v2; in clear in v1, and not copied): where she stays is where she can be found.
    case rehabilitationEventTypes.shelterAdmitted:
    case rehabilitationEventTypes.shelterAdmittedV1: {
      const { shelter, admittedAt } = event.data;
      return {
        pillar,
        summary: `Admitted to a shelter (${words(shelter.kind)}) in ${shelter.district}, ${shelter.state}`,
        facts: { shelterKind: shelter.kind, shelterState: shelter.state, shelterDistrict: shelter.district, admittedAt },
      };
    }
    case rehabilitationEventTypes.shelterDischarged:
    case rehabilitationEventTypes.shelterDischargedV1: {
      const { reason, dischargedAt } = event.data;
      return { pillar, summary: `Discharged from the shelter (${words(reason)})`, facts: { reason, dischargedAt } };
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
    case legalEventTypes.perpetratorProfiled: {
      // His name, aliases, phone and address are sealed with his key: not a byte of them here.
      const { perpetratorId, category, beneficiary } = event.data;
      return { pillar, summary: `Perpetrator profiled: ${words(category)} (${beneficiary} beneficiary)`, facts: { perpetratorId, category, beneficiary } };
    }
    case legalEventTypes.perpetratorProfileCorrected: {
      const { perpetratorId, category, beneficiary, reason } = event.data;
      return { pillar, summary: `Perpetrator profile corrected (${words(reason)}): ${words(category)} (${beneficiary} beneficiary)`, facts: { perpetratorId, category, beneficiary, reason } };
    }
    case legalEventTypes.perpetratorErased: {
      const { perpetratorId, reason } = event.data;
      return { pillar, summary: `Perpetrator profile erased (${words(reason)})`, facts: { perpetratorId, reason } };
    }
    case legalEventTypes.perpetratorsLinked: {
      const { perpetratorId, otherPerpetratorId, link } = event.data;
      return { pillar, summary: `Perpetrators linked: ${words(link)}`, facts: { perpetratorId, otherPerpetratorId, link } };
    }
    // Its number and police station lead to the police record that names her: never here (sealed
    // with the case's key from v2; in clear in v1, and not copied). Her legal team reads them from the case.
    case legalEventTypes.firRegistered:
    case legalEventTypes.firRegisteredV1: {
      const { caseId, fir, sections, accusedIds, mainAccusedId } = event.data;
      const mainMissing = mainAccusedId !== undefined && !accusedIds.includes(mainAccusedId) ? '; the main accused not among them' : '';
      return {
        pillar,
        summary: `FIR registered (case ${caseId}) in ${fir.district}, ${fir.state}: ${sectionWords(sections)}; ${accusedWords(accusedIds.length)}${mainMissing}`,
        facts: known({
          caseId,
          district: fir.district,
          state: fir.state,
          registeredAt: fir.registeredAt,
          sections: copySections(sections),
          accusedIds: [...accusedIds],
          mainAccusedId,
        }),
      };
    }
    case legalEventTypes.accusedNamed: {
      const { caseId, perpetratorId, main } = event.data;
      return { pillar, summary: main ? 'The main accused named' : 'Another accused named', facts: { caseId, perpetratorId, main } };
    }
    case legalEventTypes.accusedArrested: {
      const { caseId, perpetratorId } = event.data;
      return { pillar, summary: 'Accused arrested', facts: { caseId, perpetratorId } };
    }
    case legalEventTypes.accusedAbsconding: {
      const { caseId, perpetratorId } = event.data;
      return { pillar, summary: 'Accused declared absconding', facts: { caseId, perpetratorId } };
    }
    case legalEventTypes.bailRecorded: {
      const { caseId, perpetratorId, personId: accusedSurvivor, stage, surety, suretyPerpetratorId } = event.data;
      const whose = accusedSurvivor === undefined ? 'an accused' : accusedSurvivor === personId ? 'her' : 'a survivor accused in the case';
      const what = stage === 'applied' ? `Bail applied for by ${whose}` : `Bail ${stage} to ${whose}`;
      const bySurety = surety === undefined || surety === 'none' ? '' : surety === 'known-perpetrator' ? '; surety: a known perpetrator' : `; surety: ${words(surety)}`;
      return { pillar, summary: `${what}${bySurety}`, facts: known({ caseId, perpetratorId, personId: accusedSurvivor, stage, surety, suretyPerpetratorId }) };
    }
    case legalEventTypes.chargeSheetFiled: {
      const { caseId, sections, accusedIds, daysAfterFir } = event.data;
      return {
        pillar,
        summary: `Charge sheet filed ${daysAfterFir} day${daysAfterFir === 1 ? '' : 's'} after the FIR: ${sectionWords(sections)}; ${accusedIds.length} accused charged`,
        facts: { caseId, sections: copySections(sections), accusedIds: [...accusedIds], daysAfterFir },
      };
    }
    case legalEventTypes.chargeSheetMissing: {
      const { caseId, daysAfterFir, dueAt } = event.data;
      return {
        pillar,
        summary: `OVERDUE: no charge sheet ${daysAfterFir} days after the FIR (due ${day(dueAt)}); an arrested accused may walk out on default bail`,
        facts: { caseId, daysAfterFir, dueAt },
      };
    }
    case legalEventTypes.hearingRecorded: {
      const { caseId, court, stage, nextHearingAt } = event.data;
      const next = nextHearingAt ? `; next hearing ${day(nextHearingAt)}` : '; no next date set';
      return { pillar, summary: `Hearing in ${courtNames[court]}: ${words(stage)}${next}`, facts: known({ caseId, court, stage, nextHearingAt }) };
    }
    case legalEventTypes.witnessSupportRecorded: {
      const { caseId, personId: witness, testimony, inCamera, supportPerson, protectionMeasures, travelSupported } = event.data;
      const how = [
        testimony ? words(testimony) : '',
        inCamera ? 'in camera' : '',
        supportPerson ? 'with a support person' : '',
        protectionMeasures.length > 0 ? `protection: ${list(protectionMeasures)}` : '',
        travelSupported ? 'travel supported' : '',
      ].filter(Boolean);
      const who = witness === personId ? 'Supported as a witness' : 'Another victim of the case supported as a witness';
      return {
        pillar,
        summary: `${who}${how.length > 0 ? `: ${how.join('; ')}` : ''}`,
        facts: known({ caseId, personId: witness, testimony, inCamera, supportPerson, protectionMeasures: [...protectionMeasures], travelSupported }),
      };
    }
    case legalEventTypes.verdictRecorded: {
      const { caseId, perpetratorId, outcome, court, sentenceMonths, fineInr } = event.data;
      const sentence = [sentenceMonths !== undefined ? `${sentenceMonths} months` : '', fineInr !== undefined ? `fine ${rupees(fineInr)}` : ''].filter(Boolean);
      return {
        pillar,
        summary: `Verdict: ${[outcome, ...sentence].join(', ')} (${courtNames[court]})`,
        facts: known({ caseId, perpetratorId, outcome, court, sentenceMonths, fineInr }),
      };
    }
    case legalEventTypes.appealFiled: {
      const { caseId, perpetratorId, appellant, court } = event.data;
      return { pillar, summary: `Appeal filed by the ${appellant} in ${courtNames[court]}`, facts: { caseId, perpetratorId, appellant, court } };
    }
    case legalEventTypes.premisesClosed: {
      const { caseId, place } = event.data;
      return {
        pillar,
        summary: `Premises closed by a magistrate's order (ITPA s.18) in ${place.district}, ${place.state}`,
        facts: { caseId, state: place.state, district: place.district },
      };
    }
    case legalEventTypes.propertyAttached: {
      const { caseId, kind, valueInr } = event.data;
      return { pillar, summary: `Property attached: ${words(kind)}${valueInr !== undefined ? ` (${rupees(valueInr)})` : ''}`, facts: known({ caseId, kind, valueInr }) };
    }
    case legalEventTypes.compensationOrdered: {
      const { caseId, personId: victim, amountInr, payableBy } = event.data;
      const payer = payableBy === 'state' ? 'the state' : 'the accused';
      return {
        pillar,
        // Another victim's award is hers to know about, not the amount.
        summary: victim === personId ? `Compensation of ${rupees(amountInr)} ordered to her, payable by ${payer}` : 'Compensation ordered to another victim of the case',
        facts: { caseId, personId: victim, amountInr, payableBy },
      };
    }
    case legalEventTypes.caseTeamJoined:
      return { pillar, summary: 'A legal officer joined the case', facts: { caseId: event.data.caseId } };
    case legalEventTypes.caseClosed: {
      const { caseId, reason } = event.data;
      return { pillar, summary: `Case closed (${words(reason)})`, facts: { caseId, reason } };
    }
    case legalEventTypes.survivorNamedAsAccused: {
      const { caseId } = event.data;
      return { pillar, summary: 'ALERT: named as accused in a case; a survivor is never an offender', facts: { caseId } };
    }
    case legalEventTypes.survivorAccusationDropped: {
      const { caseId } = event.data;
      return { pillar, summary: 'The accusation against her was dropped; the decriminalisation alert is closed', facts: { caseId } };
    }
    case legalEventTypes.debtBondageSuspected: {
      const { caseId, suretyPerpetratorId } = event.data;
      return { pillar, summary: 'ALERT: a known perpetrator stood surety for her bail, a sign of debt bondage', facts: { caseId, suretyPerpetratorId } };
    }
    case legalEventTypes.consentWithdrawnOnOpenCase: {
      const { caseId, scope } = event.data;
      return { pillar, summary: `ALERT: she withdrew her consent to ${words(scope)} while her case is open`, facts: { caseId, scope } };
    }
    case legalEventTypes.trainingSessionHeld: {
      // Participants' names are sealed with the session's key; the trainer is staff, not a fact of the session.
      const { trainingId, audience, topic, participantCount, state, district, refresherDueAt, refreshesTrainingId } = event.data;
      return {
        pillar,
        summary: `Training on ${words(topic)} for ${audienceNames[audience]}: ${participantCount} participant${participantCount === 1 ? '' : 's'} in ${district}, ${state}; refresher due ${day(refresherDueAt)}`,
        facts: known({ trainingId, audience, topic, participantCount, state, district, refresherDueAt, refreshesTrainingId }),
      };
    }
    case legalEventTypes.trainingRefresherOverdue: {
      const { trainingId, audience, dueAt } = event.data;
      return { pillar, summary: `OVERDUE: the refresher training for ${audienceNames[audience]} was due ${day(dueAt)}`, facts: { trainingId, audience, dueAt } };
    }

    case intakeEventTypes.householdRegistered:
    case intakeEventTypes.householdRegisteredV1: {
      // A household is on no one's timeline; its village or ward stays out of the facts all the same.
      const { householdId, place, memberIds } = event.data;
      return {
        pillar,
        summary: `Household registered in ${place.district}, ${place.state}: ${memberIds.length} member${memberIds.length === 1 ? '' : 's'}`,
        facts: { householdId, state: place.state, district: place.district, members: memberIds.length },
      };
    }
    case intakeEventTypes.householdMemberAdded: {
      const { householdId, personId: member } = event.data;
      return { pillar, summary: 'A member joined the household', facts: { householdId, personId: member } };
    }
    case intakeEventTypes.householdAssessed: {
      const { householdId, level, score, factors, monthlyIncomeInr, debtInr, dependants } = event.data;
      const listed = factors.length > 0 ? `; ${list(factors)}` : '';
      return {
        pillar,
        summary:
          `Household vulnerability assessed: ${level} (score ${score}${listed}); income ${rupees(monthlyIncomeInr)} a month, debt ${rupees(debtInr)}, ` +
          `${dependants} dependant${dependants === 1 ? '' : 's'}`,
        facts: { householdId, level, score, factors: [...factors], monthlyIncomeInr, debtInr, dependants },
      };
    }

    case livelihoodEventTypes.livelihoodPlanOpened: {
      const { origin, openedAt } = event.data;
      return { pillar, summary: `Livelihood plan opened ${planOrigins[origin]}`, facts: { origin, openedAt } };
    }
    // The trade and the provider never (sealed from v2; in clear in v1, and not copied): where she trains is where she can be found.
    case livelihoodEventTypes.skillTrainingStarted:
    case livelihoodEventTypes.skillTrainingStartedV1: {
      const { trainingId, skillLevel, startedAt, plannedEndAt } = event.data;
      return {
        pillar,
        summary: `Skill training started (for ${skillLevel} work)${plannedEndAt ? `, to end ${day(plannedEndAt)}` : ''}`,
        facts: known({ trainingId, skillLevel, startedAt, plannedEndAt }),
      };
    }
    case livelihoodEventTypes.skillTrainingEnded: {
      const { trainingId, outcome, endedAt, certified } = event.data;
      const summary = outcome === 'dropped-out' ? 'Dropped out of skill training' : `Skill training completed${certified ? ', certified' : ' (not certified)'}`;
      return { pillar, summary, facts: { trainingId, outcome, certified, endedAt } };
    }
    // The employer or enterprise by its sector, never its name (sealed from v2; in clear in v1, and not copied): where she works is where she can be found.
    case livelihoodEventTypes.placementStarted:
    case livelihoodEventTypes.placementStartedV1: {
      const { placementId, kind, sector, skillLevel, state, startedAt, monthlyIncomeInr, minimumWage, sustainableWage } = event.data;
      const placed = kind === 'wage-employment' ? 'Placed in a job' : 'Self-employed';
      const against = sustainableWage ? `at or above ${minimumWageWords(minimumWage)}` : `BELOW ${minimumWageWords(minimumWage)}`;
      return {
        pillar,
        summary: `${placed} (${words(sector)}) at ${rupees(monthlyIncomeInr)} a month: ${against}`,
        facts: { placementId, kind, sector, skillLevel, state, startedAt, monthlyIncomeInr, minimumWage: codedWage(minimumWage), sustainableWage },
      };
    }
    case livelihoodEventTypes.incomeFollowedUp: {
      const { placementId, at, monthlyIncomeInr, minimumWage, sustainableWage } = event.data;
      const against = sustainableWage ? 'at or above the minimum wage' : `BELOW ${minimumWageWords(minimumWage)}`;
      return {
        pillar,
        summary: `Income followed up: ${rupees(monthlyIncomeInr)} a month, ${against}`,
        facts: { placementId, at, monthlyIncomeInr, minimumWage: codedWage(minimumWage), sustainableWage },
      };
    }
    case livelihoodEventTypes.placementLost: {
      const { placementId, lostAt, reason } = event.data;
      return { pillar, summary: `Placement lost: ${reason === 'other' ? 'another reason' : words(reason)}`, facts: { placementId, reason, lostAt } };
    }
    case livelihoodEventTypes.financialInclusionRecorded: {
      const { kind } = event.data;
      return { pillar, summary: kind === 'bank-account' ? 'Bank account opened in her name' : 'Joined a self-help group', facts: { kind } };
    }
    case livelihoodEventTypes.schemeLinkageRecorded: {
      const { scheme, stage } = event.data;
      return { pillar, summary: `Government scheme, ${schemeNames[scheme]}: ${stage}`, facts: { scheme, stage } };
    }

    // A prevention plan's events: the same facts on the timeline of everyone it covers.
    case livelihoodEventTypes.preventionPlanOpened: {
      const { preventionPlanId, subject, personIds, openedAt } = event.data;
      return {
        pillar,
        summary: subject === 'household' ? `Prevention plan opened for her household: ${people(personIds.length)} at risk followed` : 'Prevention plan opened for her, a person at risk',
        facts: { preventionPlanId, subject, covered: personIds.length, openedAt },
      };
    }
    case livelihoodEventTypes.preventionSupportRecorded: {
      const { preventionPlanId, subject, supportId, kind, status, startedAt, endedAt, scheme } = event.data;
      const what = kind === 'scheme-linkage' && scheme ? `scheme linkage to ${schemeNames[scheme]}` : supportNames[kind];
      return {
        pillar,
        summary: `Prevention support${subject === 'household' ? ' for her household' : ''}: ${what}, ${status}${endedAt ? ` (ended ${day(endedAt)})` : ''}`,
        facts: known({ preventionPlanId, subject, supportId, kind, status, startedAt, endedAt, scheme }),
      };
    }
    case livelihoodEventTypes.entryIntoExploitationRecorded: {
      const { preventionPlanId, subject, personId: entered, enteredAt, source, followedSince } = event.data;
      return {
        pillar,
        summary:
          entered === personId
            ? `Entered exploitation (${source === 'rescued' ? 'found at her rescue' : 'recorded by staff'}) on ${day(enteredAt)}, followed since ${day(followedSince)}`
            : 'Another person her prevention plan covers entered exploitation',
        facts: { preventionPlanId, subject, personId: entered, enteredAt, source, followedSince },
      };
    }
    case livelihoodEventTypes.entryPrevented: {
      const { preventionPlanId, subject, personId: prevented, followedSince, countedAt } = event.data;
      return {
        pillar,
        summary:
          prevented === personId
            ? `Counted as an entry prevented: followed ${PREVENTION_FOLLOW_UP_MONTHS} months with no entry into exploitation`
            : 'Another person her prevention plan covers counted as an entry prevented',
        facts: { preventionPlanId, subject, personId: prevented, followedSince, countedAt },
      };
    }
  }
}
