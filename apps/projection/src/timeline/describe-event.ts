/**
 * How each event appears on a person's timeline: a short summary in the staff's words and the
 * non-identifying facts the summary of her case is computed from. Never personal data: the
 * projection does not hold her keys and does not need them.
 */
import { AnyPillarEventEnvelope, eventCatalog, intakeEventTypes, Pillar, rescueEventTypes } from '@mukti/contracts';

export interface TimelineFacts {
  [key: string]: unknown;
}

export interface DescribedEvent {
  pillar: Pillar;
  summary: string;
  facts: TimelineFacts;
}

const words = (value: string) => value.replace(/-/g, ' ');
const givers = { self: 'herself', guardian: 'her guardian', 'child-welfare-committee': 'the Child Welfare Committee' } as const;

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
    case rescueEventTypes.personRescued: {
      const { place, policeRecordedAs, decriminalisationAlert, itpaAgeClass, jjAgeClass, stepsDue } = event.data;
      const alert = decriminalisationAlert ? ' ALERT: the police recorded her as accused; a survivor is never an offender' : '';
      return {
        pillar,
        summary: `Rescued from a ${words(place.kindOfPlace)} in ${place.district}, ${place.state}; recorded by the police as ${policeRecordedAs}.${alert}`,
        facts: { kindOfPlace: place.kindOfPlace, policeRecordedAs, decriminalisationAlert, itpaAgeClass, jjAgeClass, stepsDue },
      };
    }
    case rescueEventTypes.postRescueStepCompleted: {
      const { step, late } = event.data;
      return { pillar, summary: `${words(step)} done${late ? ' (after its due time)' : ''}`, facts: { step, late } };
    }
    case intakeEventTypes.personErased: {
      const { reason } = event.data;
      return { pillar, summary: `Personal data erased (${words(reason)}); the non-identifying record remains`, facts: { reason } };
    }
  }
}
