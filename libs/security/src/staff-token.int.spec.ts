/** Production verification: staff tokens checked against an OIDC provider's JWKS served over HTTP. */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { signDevelopmentToken, StaffTokenVerifier } from './staff-token';

let server: Server;
let privateKey: KeyLike;
let verifier: StaffTokenVerifier;
const settings = { AUTH_JWT_SECRET: 'a-secret-that-must-not-be-accepted-in-production', AUTH_ISSUER: 'https://id.example.org', AUTH_AUDIENCE: 'mukti-api', AUTH_MAX_TOKEN_LIFETIME: 3600 };

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  verifier = new StaffTokenVerifier({ ...settings, AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` });
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const providerToken = (role: string) =>
  new SignJWT({ role })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('priya')
    .setIssuer(settings.AUTH_ISSUER)
    .setAudience(settings.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

it("accepts a token signed by the provider's key", async () => {
  await expect(verifier.verify(await providerToken('legal-officer'))).resolves.toEqual({ sub: 'priya', role: 'legal-officer' });
});

it('refuses a development (HS256) token once a JWKS is configured, even one signed with the configured secret', async () => {
  const development = await signDevelopmentToken(settings, { sub: 'mallory', role: 'admin' });
  await expect(verifier.verify(development)).rejects.toThrow();
});
