/** The two ways the law counts a rescued person's age; both are kept. */

/** ITPA: a child is under 16, a minor 16 to 18. */
export function itpaAgeClass(age: number | undefined): 'child' | 'minor' | 'adult' | 'unknown' {
  if (age === undefined) return 'unknown';
  return age < 16 ? 'child' : age < 18 ? 'minor' : 'adult';
}

/** Juvenile Justice Act and POCSO: a child is under 18. */
export function jjAgeClass(age: number | undefined): 'child' | 'adult' | 'unknown' {
  if (age === undefined) return 'unknown';
  return age < 18 ? 'child' : 'adult';
}
