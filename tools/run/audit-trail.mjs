// Checks that the audit trail is whole: every partition's chain from its first record to its head.
//   npm run audit-trail -- verify
// Reads the audit service's database (MONGODB_URI, as the audit service is configured). Exits 1
// and names the first broken record of each partition (changed, deleted, or a tail removed).
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { build } from '../build/build.mjs';

const require = createRequire(import.meta.url);
const { positionals } = parseArgs({ allowPositionals: true });
if (positionals[0] !== 'verify') {
  console.error('usage: npm run audit-trail -- verify');
  process.exit(2);
}
await build();
const { auditConfig } = require('../../dist/apps/audit/src/audit.config');
const { verifyAuditTrail } = require('../../dist/apps/audit/src/trail/verify-audit-trail');
let config;
try {
  config = auditConfig.load({ MUKTI_DEVELOPMENT_DEFAULTS: process.env.MUKTI_DEVELOPMENT_DEFAULTS ?? 'false', ...process.env });
} catch (error) {
  console.error(`audit-trail: ${error.message}`);
  process.exit(2);
}
const { partitions, unchained } = await verifyAuditTrail(config.MONGODB_URI);
for (const verdict of partitions) {
  console.log(verdict.intact ? `partition ${verdict.partition}: ${verdict.records} records, chain intact` : `BROKEN ${verdict.problem} (${verdict.records} records checked before it)`);
}
if (unchained > 0) console.log(`${unchained} records from before the trail was chained (not covered)`);
const broken = partitions.filter((verdict) => !verdict.intact).length;
console.log(broken === 0 ? `audit trail intact: ${partitions.length} partitions` : `audit trail BROKEN in ${broken} of ${partitions.length} partitions`);
process.exit(broken === 0 ? 0 : 1);
