// npm run kafka-provision: every topic and every principal's ACLs, as the super-user (see
// libs/messaging/src/kafka-provision.main.ts). Builds dist/ first when it is missing.
import { existsSync } from 'node:fs';

const main = new URL('../../dist/libs/messaging/src/kafka-provision.main.js', import.meta.url);
if (!existsSync(main)) await (await import('../build/build.mjs')).build();
await import(main.href);
