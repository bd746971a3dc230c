import { commonVariables, defineConfig } from '@mukti/config';
import { signDevelopmentToken } from '@mukti/security';

const settings = defineConfig('test', commonVariables).load();

/** A bearer token as the development setup signs it, for one role. */
export async function bearer(role: string, sub = `test-${role}`): Promise<string> {
  return `Bearer ${await signDevelopmentToken(settings, { sub, role })}`;
}
