import type { Admin, Kafka } from 'kafkajs';

/** Readiness of the broker connection: the cluster answers a metadata request. */
export function kafkaHealthCheck(kafka: Kafka, extra?: (admin: Admin) => Promise<Record<string, unknown>>) {
  let admin: Admin | undefined;
  // One connection however many ask at once (a scrape reads several gauges side by side).
  let connecting: Promise<Admin> | undefined;
  const connected = (): Promise<Admin> => {
    if (admin) return Promise.resolve(admin);
    connecting ??= (async () => {
      const client = kafka.admin();
      try {
        await client.connect();
        admin = client;
        return client;
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };
  return {
    name: 'kafka',
    /** The check's own admin client, for others that ask the brokers too (metrics): one connection, closed with the check. */
    admin: connected,
    async check(): Promise<Record<string, unknown>> {
      const client = await connected();
      try {
        const cluster = await client.describeCluster();
        return { brokers: cluster.brokers.length, ...((await extra?.(client)) ?? {}) };
      } catch (error) {
        // A broken connection is dropped, so the next check (or scrape) connects again.
        if (admin === client) admin = undefined;
        await client.disconnect().catch(() => undefined);
        throw error;
      }
    },
    async close(): Promise<void> {
      await connecting?.catch(() => undefined);
      await admin?.disconnect();
      admin = undefined;
    },
  };
}
