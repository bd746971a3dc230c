// What the chaos run asks of the platform: staff of every pillar working on survivors' cases
// through the gateway, as careful clients (an Idempotency-Key on every command, and the same key
// again after an answer that leaves the outcome unknown), and the ledger of what was accepted.
import { randomUUID } from 'node:crypto';

/** A small seeded generator (mulberry32): the same seed gives the same stories and faults. */
export function seeded(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    between: (low, high) => low + next() * (high - low),
  };
}

/** The staff who work the cases: several of each role, each with her own token. */
export const staffNames = {
  caseworker: ['asha', 'meera', 'farida'],
  'rescue-coordinator': ['rekha', 'joya'],
  counsellor: ['nisha', 'ruth'],
  'legal-officer': ['lata', 'sunita'],
  'livelihood-officer': ['kiran', 'parveen'],
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
const HOUR = 3600_000;

/**
 * A careful client. Answers that leave the outcome unknown (a 504, a 503 or 502, a 500, a 429,
 * no answer at all) are retried with the same Idempotency-Key until a definite one comes; a
 * refusal that another service's catching up will lift (404, 409, 422: she is not known there
 * yet) is retried a while too. Counts what it met.
 */
export function carefulClient({ gateway, figures, giveUpAfterMs = 5 * 60_000 }) {
  return async function send(staff, path, body, { waitForPeersMs = 60_000 } = {}) {
    const key = randomUUID();
    const started = Date.now();
    let backoff = 250;
    for (;;) {
      let status = 0;
      let answer;
      try {
        const response = await fetch(`${gateway}${path}`, {
          method: 'POST',
          headers: { authorization: staff.authorization, 'content-type': 'application/json', 'idempotency-key': key },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        answer = status === 204 ? undefined : await response.json().catch(() => undefined);
      } catch {
        status = 0;
      }
      if (status >= 200 && status < 300) return { outcome: 'accepted', body: answer };
      figures.answers[status] = (figures.answers[status] ?? 0) + 1;
      const unknown = status === 0 || status === 429 || status >= 500;
      const waiting = [404, 409, 422].includes(status) && Date.now() - started < waitForPeersMs;
      if (!unknown && !waiting) {
        // Said once per kind of refusal: a path template, its status and message.
        const reason = `${path.replace(/[0-9a-f-]{36}/g, '{id}')} ${status} ${answer?.message ?? ''}`.slice(0, 300);
        figures.refusals[reason] = (figures.refusals[reason] ?? 0) + 1;
        return { outcome: 'refused', status, body: answer };
      }
      if (Date.now() - started > giveUpAfterMs) return { outcome: 'unknown', status };
      await sleep(backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
  };
}

/** What one survivor's case should show once the platform is quiet: entries by type, open alerts by kind. */
function caseRecord(name, caseworker) {
  return { id: undefined, name, caseworker, entries: {}, alerts: {}, unknown: {} };
}

function expect(record, result, type, count = 1) {
  const into = result.outcome === 'accepted' ? record.entries : result.outcome === 'unknown' ? record.unknown : undefined;
  if (into) into[type] = (into[type] ?? 0) + count;
  return result.outcome === 'accepted';
}

/**
 * One survivor's case through every pillar: registered and consenting, her case team assigned,
 * rescued (sometimes recorded by the police as accused: the decriminalisation alert), her care
 * plan opened by the rescue, counselled and treated, a case against a lodge keeper naming her
 * (sometimes her consent withdrawn afterwards: an alert on the open case), and a placement
 * below the minimum wage (an alert). Commands the platform accepted go into the ledger.
 */
export async function workOneCase({ send, staff, random, types, figures, label }) {
  const pick = (role) => staff[role][Math.floor(random.next() * staff[role].length)];
  const caseworker = pick('caseworker');
  const name = `Chaos ${label}`;
  const record = caseRecord(name, caseworker);
  const count = (result) => {
    figures.commands[result.outcome] += 1;
    return result;
  };
  const act = async (actor, path, body, options) => count(await send(actor, path, body, options));

  const registered = await act(caseworker, '/api/v1/people', {
    role: 'survivor',
    name,
    phone: `+91 9${String(Math.floor(random.next() * 1e9)).padStart(9, '0')}`,
    gender: 'female',
    age: 19 + Math.floor(random.next() * 15),
    origin: { state: 'West Bengal', district: 'Murshidabad' },
    referralSource: 'police',
  });
  if (registered.outcome !== 'accepted') return record;
  record.id = registered.body.id;
  // Her registration, and the caseworker who registered her joining her case team.
  expect(record, registered, types.intake.personRegistered);
  expect(record, registered, types.intake.staffAssigned);
  const person = `/api/v1/people/${record.id}`;

  const team = { rescue: pick('rescue-coordinator'), counsellor: pick('counsellor'), legal: pick('legal-officer'), livelihood: pick('livelihood-officer') };
  for (const member of Object.values(team)) {
    expect(record, await act(caseworker, `${person}/assignments`, { staffId: member.sub, staffRole: member.role }), types.intake.staffAssigned);
  }
  expect(record, await act(caseworker, `${person}/consents`, { scope: 'share-with-police', decision: 'granted' }), types.intake.consentRecorded);
  expect(record, await act(caseworker, `${person}/vulnerability-assessments`, { factors: ['debt', 'migration'] }), types.intake.vulnerabilityAssessed);

  // Protection: an operation, and her rescue (the rescue service learns her from intake's events).
  const operation = await act(team.rescue, '/api/v1/rescue-operations', {
    kind: 'rescue-on-complaint',
    place: { state: 'Maharashtra', district: 'Pune', kindOfPlace: 'lodge-or-hotel' },
    agencies: ['local-police', 'ngo'],
    legalBasis: 'itpa-s16',
    leadOfficer: 'Inspector, AHTU Pune',
    plannedFor: iso(-2 * HOUR),
  });
  if (operation.outcome === 'accepted') {
    const accused = random.chance(0.3);
    const rescued = await act(team.rescue, `/api/v1/rescue-operations/${operation.body.id}/rescue`, {
      carriedOutAt: iso(-HOUR),
      searchWitnesses: { total: 2, women: 1 },
      persons: [{ personId: record.id, policeRecordedAs: accused ? 'accused' : 'victim', ageAtRescue: 25 }],
    });
    if (expect(record, rescued, types.rescue.personRescued)) {
      // Her rescue opens her care plan (a reaction of the rehabilitation service).
      record.entries[types.rehabilitation.carePlanOpened] = 1;
      if (accused) record.alerts.decriminalisation = 1;
    }
    if (rescued.outcome === 'accepted') {
      expect(record, await act(team.counsellor, `${person}/counselling-sessions`, { heldAt: iso(), kind: 'individual', notes: 'She spoke about her journey.' }), types.rehabilitation.counsellingSessionRecorded);
      expect(record, await act(caseworker, `${person}/health-services`, { service: 'treatment', providedAt: iso(), provider: 'government' }), types.rehabilitation.healthServiceRecorded);
    }
  }

  // Prosecution: the lodge keeper, and a case naming her (the legal service learns her consent from intake's events).
  const keeper = await act(team.legal, '/api/v1/perpetrators', { category: 'hotel-or-lodge-owner', name: `Keeper of ${label}`, knownPlaces: [{ state: 'Maharashtra', district: 'Pune' }] });
  if (keeper.outcome === 'accepted') {
    const fir = await act(team.legal, '/api/v1/cases', {
      fir: { policeStation: 'Budhwar Peth', district: 'Pune', state: 'Maharashtra', number: `${label}/2026`, registeredAt: iso(-30 * 60_000) },
      sections: [{ act: 'itpa', section: '3' }],
      victimIds: [record.id],
      accusedIds: [keeper.body.id],
      mainAccusedId: keeper.body.id,
    });
    if (expect(record, fir, types.legal.firRegistered)) {
      expect(record, await act(team.legal, `/api/v1/cases/${fir.body.id}/hearings`, { heldAt: iso(), court: 'sessions-court', stage: 'bail' }), types.legal.hearingRecorded);
      if (random.chance(0.3)) {
        const withdrawn = await act(caseworker, `${person}/consents`, { scope: 'share-with-police', decision: 'withdrawn' });
        if (expect(record, withdrawn, types.intake.consentRecorded)) {
          // Her open case, told once: an alert on her timeline and among her open alerts.
          record.entries[types.legal.consentWithdrawnOnOpenCase] = 1;
          record.alerts['consent-withdrawn-on-open-case'] = 1;
        }
      }
    }
  }

  // Livelihood: her plan (opened once, by hand or by her care plan's livelihood goal, whichever
  // comes first), and a placement paid below West Bengal's semi-skilled minimum wage.
  const plan = await act(team.livelihood, `${person}/livelihood-plan`, undefined);
  const planOpen = plan.outcome === 'accepted' || (plan.status === 409 && /already has a livelihood plan/.test(plan.body?.message ?? ''));
  if (planOpen) record.entries[types.livelihood.livelihoodPlanOpened] = 1;
  if (planOpen) {
    const placed = await act(team.livelihood, `${person}/placements`, {
      kind: 'wage-employment',
      employerOrEnterprise: 'Sonar Tailoring Unit',
      sector: 'garments-and-tailoring',
      skillLevel: 'semi-skilled',
      state: 'West Bengal',
      startedAt: iso(),
      monthlyIncomeInr: 4000,
    });
    if (expect(record, placed, types.livelihood.placementStarted)) record.alerts['below-minimum-wage'] = 1;
  }
  return record;
}
