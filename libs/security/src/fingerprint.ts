import { createHmac } from 'node:crypto';

/**
 * Keyed hashes that let the platform recognise the same person twice without keeping the
 * identifying values in clear: without the key, a fingerprint cannot be tested against a guess.
 */
export function fingerprint(key: string, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\u001f')).digest('hex');
}

/** "  Priya  KUMARI " and "priya kumari" are the same name; so are "Rāni" and "Rani". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Digits only, and the last ten for Indian numbers written with +91 or a leading 0. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 10 ? digits.slice(-10) : digits;
}
