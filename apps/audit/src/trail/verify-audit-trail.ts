import { ServiceDatabase } from '@mukti/persistence';
import { AuditStore } from './audit.store';

/** The audit store of the database at `uri`, as the audit service keeps it. */
export function auditStoreOf(database: ServiceDatabase): AuditStore {
  return new AuditStore(database.collection('audit_records'), database.collection('audit_chain_heads'));
}

/** `npm run audit-trail -- verify`: walks every partition's chain in the audit service's database. */
export async function verifyAuditTrail(uri: string): Promise<Awaited<ReturnType<AuditStore['verify']>>> {
  const database = await ServiceDatabase.connect(uri);
  try {
    return await auditStoreOf(database).verify();
  } finally {
    await database.onApplicationShutdown();
  }
}
