import { createHmac } from 'node:crypto';

/**
 * Keyed hashes that let the platform recognise the same person twice without keeping the
 * identifying values in clear: without the key, a fingerprint cannot be tested against a guess.
 */
export function fingerprint(key: string, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\u001f')).digest('hex');
}

/**
 * "  Priya  KUMARI " and "priya kumari" are the same name, and so is a name typed with composed or
 * decomposed characters (compared in NFC). Marks are kept: a vowel sign is part of an Indic name
 * (राम and रमा, রানী and রুনা are different people), so "Rāni" and "Rani" differ too. Joiners only
 * change how a conjunct is drawn, so they are dropped.
 */
export function normaliseName(name: string): string {
  return name
    .replace(/[\u200C\u200D]/g, '')
    .toLocaleLowerCase('und')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Digits only, and the last ten for Indian numbers written with +91 or a leading 0. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 10 ? digits.slice(-10) : digits;
}
