import { SignJWT } from 'jose';
import { fingerprint, normaliseName, normalisePhone } from './fingerprint';
import { bearerTokenOf } from './auth.guard';
import { signDevelopmentToken, StaffTokenVerifier } from './staff-token';

const settings = {
  AUTH_JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
  AUTH_ISSUER: 'mukti-test',
  AUTH_AUDIENCE: 'mukti-api',
  AUTH_MAX_TOKEN_LIFETIME: 12 * 3600,
};
const verifier = new StaffTokenVerifier(settings);
const sign = (
  claims: Record<string, unknown>,
  overrides: { issuer?: string; audience?: string; expires?: string | number; issuedAt?: number | false } = {},
) => {
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('asha')
    .setIssuer(overrides.issuer ?? settings.AUTH_ISSUER)
    .setAudience(overrides.audience ?? settings.AUTH_AUDIENCE)
    .setExpirationTime(overrides.expires ?? '1h');
  if (overrides.issuedAt !== false) token.setIssuedAt(overrides.issuedAt);
  return token.sign(new TextEncoder().encode(settings.AUTH_JWT_SECRET));
};

describe('staff tokens', () => {
  it('accept a token of the right issuer and audience with a platform role', async () => {
    await expect(verifier.verify(await signDevelopmentToken(settings, { sub: 'asha', role: 'counsellor' }))).resolves.toEqual({
      sub: 'asha',
      role: 'counsellor',
    });
  });

  it.each([
    ['another issuer', { role: 'admin' }, { issuer: 'someone-else' }, /iss/],
    ['another audience', { role: 'admin' }, { audience: 'another-api' }, /aud/],
    ['an expired token', { role: 'admin' }, { expires: Math.floor(Date.parse('2020-01-01T00:00:00Z') / 1000) }, /exp/],
    ['a role that does not exist', { role: 'superuser' }, {}, /not a platform role/],
  ])('refuse %s', async (_, claims, overrides, reason) => {
    await expect(verifier.verify(await sign(claims, overrides as never))).rejects.toThrow(reason);
  });

  // Her subject keys her case teams in the store, where a dot or a leading $ cannot be a key: she would 500 on her first registration.
  it.each(['meera.das', '$where', 'meera das'])('refuse a token whose subject cannot name a staff member (%j)', async (sub) => {
    await expect(verifier.verify(await signDevelopmentToken(settings, { sub, role: 'caseworker' }))).rejects.toThrow(/subject/);
  });

  it.each(['', ' ', '   '])('refuse a token whose subject is blank (%j)', async (sub) => {
    await expect(verifier.verify(await signDevelopmentToken(settings, { sub, role: 'admin' }))).rejects.toThrow(/no subject/);
  });

  it('are read from exactly "Bearer <token>", nothing more or less', () => {
    expect(bearerTokenOf('Bearer abc.def-_.ghi')).toBe('abc.def-_.ghi');
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'bearer abc', 'Basic abc', 'Bearer abc extra', 'Bearer  abc', 'Bearer abc ', 'Bearer a,b']) {
      expect(bearerTokenOf(header)).toBeUndefined();
    }
  });

  it('refuse a token that does not say when it was issued (iat)', async () => {
    await expect(verifier.verify(await sign({ role: 'admin' }, { issuedAt: false }))).rejects.toThrow(/iat/);
  });

  it('refuse a token that lives longer than AUTH_MAX_TOKEN_LIFETIME, however fresh', async () => {
    await expect(verifier.verify(await sign({ role: 'admin' }, { expires: '13h' }))).rejects.toThrow(/longer than the 43200 s allowed/);
    await expect(verifier.verify(await sign({ role: 'admin' }, { expires: '12h' }))).resolves.toMatchObject({ role: 'admin' });
  });

  it('refuse a token issued in the future (it would outlive the maximum)', async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    await expect(verifier.verify(await sign({ role: 'admin' }, { issuedAt: inAnHour, expires: inAnHour + 60 }))).rejects.toThrow(/iat/);
  });

  it('refuse a token signed with another secret', async () => {
    const forged = await signDevelopmentToken({ ...settings, AUTH_JWT_SECRET: 'another-secret-that-is-long-enough-too' }, { sub: 'x', role: 'admin' });
    await expect(verifier.verify(forged)).rejects.toThrow(/signature/);
  });
});

describe('identity fingerprints', () => {
  it('match the same name and phone however they are written', () => {
    expect(normaliseName('  Rāni   KHATUN ')).toBe('rāni khatun');
    expect(normalisePhone('+91 90070-12345')).toBe(normalisePhone('090070 12345'));
    expect(fingerprint('k', normaliseName('Rāni Khatun'), normalisePhone('+91 9007012345'))).toBe(
      fingerprint('k', normaliseName('rāni  khatun'), normalisePhone('09007012345')),
    );
  });

  it('tell apart Indic names that differ only in their vowel signs', () => {
    expect(normaliseName('राम')).not.toBe(normaliseName('रमा'));
    expect(normaliseName('রানী')).not.toBe(normaliseName('রুনা'));
    expect(fingerprint('k', 'name+phone', normaliseName('রানী খাতুন'), '9007012345')).not.toBe(
      fingerprint('k', 'name+phone', normaliseName('রুনা খাতুন'), '9007012345'),
    );
  });

  it('match a name typed composed or decomposed', () => {
    expect(normaliseName('R\u0101ni')).toBe(normaliseName('Ra\u0304ni'));
    // क़ and য় have composed code points that NFC itself decomposes.
    expect(normaliseName('\u0958\u092E\u0930')).toBe(normaliseName('\u0915\u093C\u092E\u0930'));
    expect(normaliseName('\u09DF\u09BE\u09B8\u09AE\u09BF\u09A8')).toBe(normaliseName('\u09AF\u09BC\u09BE\u09B8\u09AE\u09BF\u09A8'));
    // A joiner changes how a conjunct is drawn, not the name.
    expect(normaliseName('\u0932\u0915\u094D\u200D\u0937\u094D\u092E\u0940')).toBe(normaliseName('\u0932\u0915\u094D\u0937\u094D\u092E\u0940'));
  });

  it('cannot be recomputed without the key', () => {
    expect(fingerprint('key-one', 'rani khatun', '9007012345')).not.toBe(fingerprint('key-two', 'rani khatun', '9007012345'));
  });
});
