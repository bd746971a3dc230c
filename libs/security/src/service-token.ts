import { importJWK, importPKCS8, importSPKI, JWK, jwtVerify, KeyLike, SignJWT } from 'jose';
import { InvalidTokenError, PrincipalVerifier, principalOf, type StaffPrincipal } from './staff-token';

/**
 * Service tokens: how a service knows a request came through the gateway. The gateway alone holds
 * the private key; it vouches for the staff member it authenticated (sub, role) in a token only
 * services accept (their own audience), short-lived so a leaked one is soon worthless.
 */
export const SERVICE_TOKEN_ISSUER = 'mukti-gateway';
export const SERVICE_TOKEN_AUDIENCE = 'mukti-services';
const ALGORITHM = 'ES256';
const LIFETIME_SECONDS = 60;

/** A key from configuration: base64 of a PEM (PKCS#8 private, SPKI public) or of a JWK. */
async function keyFrom(base64: string, kind: 'private' | 'public'): Promise<KeyLike> {
  const text = Buffer.from(base64, 'base64').toString('utf8').trim();
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text) as JWK, ALGORITHM)) as KeyLike;
  return kind === 'private' ? importPKCS8(text, ALGORITHM) : importSPKI(text, ALGORITHM);
}

/** The gateway's side: mints a service token for the staff member it has just authenticated. */
export class ServiceTokenIssuer {
  private readonly key: Promise<KeyLike>;

  constructor(privateKeyBase64: string) {
    this.key = keyFrom(privateKeyBase64, 'private');
  }

  async issue(principal: StaffPrincipal): Promise<string> {
    return new SignJWT({ role: principal.role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(principal.sub)
      .setIssuer(SERVICE_TOKEN_ISSUER)
      .setAudience(SERVICE_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(await this.key);
  }
}

/** A service's side: accepts only tokens the gateway signed for the services; a staff token is refused. */
export class ServiceTokenVerifier implements PrincipalVerifier {
  private readonly key: Promise<KeyLike>;

  constructor(publicKeyBase64: string) {
    this.key = keyFrom(publicKeyBase64, 'public');
  }

  async verify(token: string): Promise<StaffPrincipal> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: SERVICE_TOKEN_ISSUER,
        audience: SERVICE_TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: LIFETIME_SECONDS,
      });
      return principalOf(payload);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError((error as Error).message);
    }
  }
}
