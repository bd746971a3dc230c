/** Examples of analytics records for analysts, in docs/asyncapi.yaml: a unit test checks that the platform would accept each payload. */
export const analyticsExamples = [
  {
    type: 'org.mukti.analytics.pillar-event-observed.v1',
    name: 'consentRecorded',
    summary: 'An adult survivor from Araria, Bihar, withdrew her consent to be named to the police',
    headers: {
      ce_specversion: '1.0',
      ce_id: '3f1c0d2e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      ce_source: '/mukti/projection',
      ce_type: 'org.mukti.analytics.pillar-event-observed.v1',
      ce_time: '2026-03-01T00:00:00.000Z',
      ce_subject: '9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c',
      ce_correlationid: '3f1c0d2e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      ce_actorid: 'system:projection',
      ce_actorrole: 'system',
      'content-type': 'application/json',
    },
    payload: {
      pseudonym: '9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c',
      tracked: true,
      eventType: 'org.mukti.intake.consent-recorded.v1',
      pillar: 'intake',
      period: '2026-03',
      ageBand: '18-24',
      gender: 'female',
      state: 'Bihar',
      district: 'Araria',
      facts: {
        scope: 'share-with-police',
        decision: 'withdrawn',
        givenBy: 'self'
      }
    }
  },
  {
    type: 'org.mukti.analytics.pillar-event-observed.v1',
    name: 'firRegistered',
    summary: 'An FIR under ITPA and BNS registered in West Bengal, as recorded for one of its adult victims',
    payload: {
      pseudonym: '4c8e2a6f0b1d3e5a7c9f1b3d5e7a9c0e',
      tracked: true,
      eventType: 'org.mukti.legal.fir-registered.v1',
      pillar: 'legal',
      period: '2026-05',
      ageBand: '18-24',
      gender: 'female',
      state: 'Bihar',
      district: 'Araria',
      facts: {
        actsCited: [
          'itpa',
          'bns'
        ],
        firState: 'West Bengal',
        accused: 3,
        mainAccusedNamed: true
      }
    }
  },
  {
    type: 'org.mukti.analytics.pillar-event-observed.v1',
    name: 'placementStarted',
    summary: 'An adult survivor placed in tailoring in West Bengal, paid below the minimum wage for semi-skilled work there',
    payload: {
      pseudonym: '4c8e2a6f0b1d3e5a7c9f1b3d5e7a9c0e',
      tracked: true,
      eventType: 'org.mukti.livelihood.placement-started.v1',
      pillar: 'livelihood',
      period: '2026-09',
      ageBand: '18-24',
      gender: 'female',
      state: 'Bihar',
      district: 'Araria',
      facts: {
        kind: 'wage-employment',
        sector: 'garments-and-tailoring',
        skillLevel: 'semi-skilled',
        placementState: 'West Bengal',
        incomeBand: '10000-to-14999',
        sustainableWage: false
      }
    }
  },
  {
    type: 'org.mukti.analytics.pillar-event-observed.v1',
    name: 'childAssessed',
    summary: 'A child assessed at high vulnerability: untracked, no district',
    payload: {
      pseudonym: '1a2b3c4d5e6f708192a3b4c5d6e7f809',
      tracked: false,
      eventType: 'org.mukti.intake.vulnerability-assessed.v1',
      pillar: 'intake',
      period: '2026-04',
      ageBand: '12-15',
      gender: 'female',
      state: 'Assam',
      facts: {
        level: 'high',
        score: 7,
        factors: [
          'debt',
          'migration',
          'school-dropout'
        ]
      }
    }
  }
];
