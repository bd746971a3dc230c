import type { Admin, Kafka } from 'kafkajs';

/** Readiness of the broker connection: the cluster answers a metadata request. */
export function kafkaHealthCheck(kafka: Kafka, extra?: (admin: Admin) => Promise<Record<string, unknown>>) {
  let admin: Admin | undefined;
  return {
    name: 'kafka',
    async check(): Promise<Record<string, unknown>> {
      if (!admin) {
        const connecting = kafka.admin();
        await connecting.connect();
        admin = connecting;
      }
      try {
        const cluster = await admin.describeCluster();
        return { brokers: cluster.brokers.length, ...((await extra?.(admin)) ?? {}) };
      } catch (error) {
        const broken = admin;
        admin = undefined;
        await broken.disconnect().catch(() => undefined);
        throw error;
      }
    },
    async close(): Promise<void> {
      await admin?.disconnect();
      admin = undefined;
    },
  };
}
