// Prints a development staff token signed with AUTH_JWT_SECRET (or its development default):
//   npm run token -- --role caseworker --sub asha [--expires 8h]
// Production tokens come from the organisation's OIDC provider (AUTH_JWKS_URL), never from here.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from '../build/build.mjs';

const require = createRequire(import.meta.url);
if (!existsSync(new URL('../../dist/libs/security/src/index.js', import.meta.url))) await build();
const { signDevelopmentToken } = require('../../dist/libs/security/src');
const { staffTokenVariables, defineConfig } = require('../../dist/libs/config/src');
const { staffRoles } = require('../../dist/libs/contracts/src');

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'caseworker' },
    sub: { type: 'string', default: 'dev-user' },
    expires: { type: 'string', default: '8h' },
  },
});
if (!staffRoles.includes(values.role)) {
  console.error(`--role must be one of: ${staffRoles.join(', ')}`);
  process.exit(2);
}
// A development tool: it signs with the development secret unless AUTH_JWT_SECRET is set.
const settings = defineConfig('token', staffTokenVariables).load({ MUKTI_DEVELOPMENT_DEFAULTS: 'true', ...process.env });
console.log(await signDevelopmentToken(settings, { sub: values.sub, role: values.role }, values.expires));
