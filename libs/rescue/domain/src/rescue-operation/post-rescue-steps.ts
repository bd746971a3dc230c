import type { PostRescueStep } from '@mukti/contracts';

const HOUR = 60 * 60 * 1000;

/**
 * The steps the law requires after a rescue, with their due times. A child (under 18, or of
 * unknown age until determined: the protective reading) goes before the Child Welfare Committee
 * within 24 hours (JJ Act s.31) with care arranged within 24 hours (POCSO s.19(5)); an adult
 * before the magistrate (ITPA s.15, s.17), alerted at 24 hours. Everyone gets a medical
 * examination, an age determination and a shelter placement request.
 */
export function stepsDue(jjAgeClass: 'child' | 'adult' | 'unknown', rescuedAt: string): { step: PostRescueStep; dueAt: string }[] {
  const at = (hours: number) => new Date(Date.parse(rescuedAt) + hours * HOUR).toISOString();
  const common: { step: PostRescueStep; dueAt: string }[] = [
    { step: 'medical-examination', dueAt: at(24) },
    { step: 'age-determination', dueAt: at(72) },
    { step: 'shelter-placement-requested', dueAt: at(24) },
  ];
  if (jjAgeClass === 'adult') return [...common, { step: 'production-before-magistrate', dueAt: at(24) }];
  return [
    ...common,
    { step: 'production-before-child-welfare-committee', dueAt: at(24) },
    { step: 'care-arrangements', dueAt: at(24) },
  ];
}

/** Steps not done by their due time, as of now (the clock is the caller's, so tests set it). */
export function overdueSteps(
  due: readonly { step: PostRescueStep; dueAt: string }[],
  done: ReadonlySet<PostRescueStep>,
  now: Date,
): { step: PostRescueStep; dueAt: string }[] {
  return due.filter(({ step, dueAt }) => !done.has(step) && Date.parse(dueAt) < now.getTime());
}
