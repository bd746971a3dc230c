import { defineConfig, serviceTokenSigningVariables, staffTokenVariables } from '@mukti/config';
import type { StaffRole } from '@mukti/contracts';
import { ServiceTokenIssuer, signDevelopmentToken } from '@mukti/security';

const settings = defineConfig('test', { ...staffTokenVariables, ...serviceTokenSigningVariables }).load();
const gateway = new ServiceTokenIssuer(settings.SERVICE_TOKEN_PRIVATE_KEY);

/** A staff token as the development setup signs it, for one role: what the gateway accepts. */
export async function bearer(role: string, sub = `test-${role}`): Promise<string> {
  return `Bearer ${await signDevelopmentToken(settings, { sub, role })}`;
}

/** A service token as the gateway signs it with the development key, vouching for one role: what the services accept. */
export async function serviceBearer(role: string, sub = `test-${role}`): Promise<string> {
  return `Bearer ${await gateway.issue({ sub, role: role as StaffRole })}`;
}
