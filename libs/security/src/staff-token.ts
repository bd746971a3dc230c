import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT, JWTVerifyGetKey } from 'jose';
import { STAFF_ID_PATTERN, StaffRole, staffRoles } from '@mukti/contracts';

/** Who is calling: the token's subject and their one platform role. */
export interface StaffPrincipal {
  readonly sub: string;
  readonly role: StaffRole;
}

export interface TokenSettings {
  AUTH_JWT_SECRET: string;
  AUTH_JWKS_URL?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  /** Seconds a staff token may live at most (exp - iat). */
  AUTH_MAX_TOKEN_LIFETIME: number;
}

export class InvalidTokenError extends Error {}

/** Turns a bearer token into the staff member it speaks for: staff tokens at the gateway, service tokens behind it. */
export abstract class PrincipalVerifier {
  abstract verify(token: string): Promise<StaffPrincipal>;
}

/** The staff member a verified token names: someone (the audit trail and case teams need one), with a platform role. */
export function principalOf(payload: JWTPayload): StaffPrincipal {
  // jose checks that sub is there, not that it names anyone.
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new InvalidTokenError('the token names no subject (sub)');
  if (!STAFF_ID_PATTERN.test(payload.sub)) throw new InvalidTokenError('the token\'s subject (sub) must be letters, digits, _ - @ : or | (no dots or spaces)');
  const role = payload['role'];
  if (typeof role !== 'string' || !(staffRoles as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`the token's role "${String(role)}" is not a platform role`);
  }
  return { sub: payload.sub, role: role as StaffRole };
}

/**
 * Verifies staff bearer tokens: against the OIDC provider's JWKS in production
 * (AUTH_JWKS_URL), or an HS256 secret for development and tests. Signature, issuer, audience
 * and expiry are all checked; the role must be one of the platform's roles; a token must say when
 * it was issued and may not live longer than AUTH_MAX_TOKEN_LIFETIME (a stolen year-long token is no token).
 */
export class StaffTokenVerifier implements PrincipalVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(private readonly settings: TokenSettings) {
    this.key = settings.AUTH_JWKS_URL
      ? createRemoteJWKSet(new URL(settings.AUTH_JWKS_URL))
      : new TextEncoder().encode(settings.AUTH_JWT_SECRET);
  }

  async verify(token: string): Promise<StaffPrincipal> {
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.settings.AUTH_ISSUER,
        audience: this.settings.AUTH_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        // Also refuses an iat in the future, which would stretch the lifetime past the maximum.
        maxTokenAge: this.settings.AUTH_MAX_TOKEN_LIFETIME,
        algorithms: this.settings.AUTH_JWKS_URL ? ['RS256', 'ES256', 'PS256'] : ['HS256'],
      });
      const lifetime = (payload.exp as number) - (payload.iat as number);
      if (lifetime > this.settings.AUTH_MAX_TOKEN_LIFETIME) {
        throw new InvalidTokenError(`the token lives ${lifetime} s, longer than the ${this.settings.AUTH_MAX_TOKEN_LIFETIME} s allowed`);
      }
      return principalOf(payload);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError((error as Error).message);
    }
  }
}

/** A development token signed with AUTH_JWT_SECRET (`npm run token`, and the tests). */
export async function signDevelopmentToken(
  settings: Pick<TokenSettings, 'AUTH_JWT_SECRET' | 'AUTH_ISSUER' | 'AUTH_AUDIENCE'>,
  claims: { sub: string; role: string },
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(settings.AUTH_ISSUER)
    .setAudience(settings.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.AUTH_JWT_SECRET));
}
