import type { Admin } from 'kafkajs';
import { eventTopicConfig } from '@mukti/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates the topics a service produces to or consumes from, with explicit partitions and
 * retention, if they do not exist yet. Brokers run with auto-creation off, so a topic exists
 * only because the platform said what it should be.
 */
export async function ensureTopics(admin: Admin, names: string[], settings: TopicSettings): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(names)].filter((name) => !existing.has(name));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
        configEntries: Object.entries(eventTopicConfig).map(([name, value]) => ({
          name,
          value: name === 'min.insync.replicas' ? String(Math.min(2, settings.replicationFactor)) : value,
        })),
      })),
    });
  } catch (error) {
    // Another service may have created it at the same moment: that is the outcome we wanted.
    if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
  }
}
