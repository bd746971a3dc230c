import { StaffRole } from '@mukti/contracts';

/**
 * Who may see a person's personal data (name, aliases, phone, address, birth date) in clear.
 * Analysts never do; need-to-know by assignment comes with the privacy work.
 */
const personalDataReaders: readonly StaffRole[] = ['admin', 'caseworker', 'counsellor', 'rescue-coordinator'];

export function mayReadPersonalData(role: StaffRole): boolean {
  return personalDataReaders.includes(role);
}
