import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { SERVICE_TOKEN_AUDIENCE, SERVICE_TOKEN_ISSUER, ServiceTokenIssuer, ServiceTokenVerifier } from './service-token';
import { signDevelopmentToken } from './staff-token';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const asha = { sub: 'asha', role: 'caseworker' } as const;

describe('service tokens', () => {
  let issuer: ServiceTokenIssuer;
  let verifier: ServiceTokenVerifier;
  let privateKey: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    issuer = new ServiceTokenIssuer(base64(await exportPKCS8(pair.privateKey)));
    verifier = new ServiceTokenVerifier(base64(await exportSPKI(pair.publicKey)));
  });

  it("carry the staff member the gateway vouches for, from its key to the services'", async () => {
    await expect(verifier.verify(await issuer.issue(asha))).resolves.toEqual(asha);
  });

  it('read keys given as a JWK too', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const fromJwk = new ServiceTokenIssuer(base64(JSON.stringify(await exportJWK(pair.privateKey))));
    const checking = new ServiceTokenVerifier(base64(JSON.stringify(await exportJWK(pair.publicKey))));
    await expect(checking.verify(await fromJwk.issue(asha))).resolves.toEqual(asha);
  });

  it('refuse a staff token, even a valid one: services believe only the gateway', async () => {
    const staff = await signDevelopmentToken({ AUTH_JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256', AUTH_ISSUER: SERVICE_TOKEN_ISSUER, AUTH_AUDIENCE: SERVICE_TOKEN_AUDIENCE }, asha);
    await expect(verifier.verify(staff)).rejects.toThrow();
  });

  it('refuse a token signed with another key', async () => {
    const other = await generateKeyPair('ES256', { extractable: true });
    const forged = await new ServiceTokenIssuer(base64(await exportPKCS8(other.privateKey))).issue({ sub: 'mallory', role: 'admin' });
    await expect(verifier.verify(forged)).rejects.toThrow(/signature/);
  });

  const signed = (claims: { iss?: string; aud?: string; lifetime?: number; iat?: number }) =>
    new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('asha')
      .setIssuer(claims.iss ?? SERVICE_TOKEN_ISSUER)
      .setAudience(claims.aud ?? SERVICE_TOKEN_AUDIENCE)
      .setIssuedAt(claims.iat ?? Math.floor(Date.now() / 1000))
      .setExpirationTime((claims.iat ?? Math.floor(Date.now() / 1000)) + (claims.lifetime ?? 60))
      .sign(privateKey);

  it.each([
    ['another issuer', { iss: 'mukti-dev' }, /iss/],
    ['the staff audience', { aud: 'mukti-api' }, /aud/],
    ['a token older than a minute', { iat: Math.floor(Date.now() / 1000) - 120, lifetime: 3600 }, /iat/],
  ])('refuse %s', async (_, claims, reason) => {
    await expect(verifier.verify(await signed(claims))).rejects.toThrow(reason);
  });
});
