import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { eventTopicConfig } from '@mukti/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/** A topic the platform would lose events on: the service refuses to run rather than lose them. */
export class UnsafeTopicError extends Error {}

/**
 * Creates the topics a service produces to or consumes from, with explicit partitions and
 * retention, if they do not exist yet, and waits until every partition has a leader (a topic
 * just created is not served at once: "This server does not host this topic-partition").
 * Brokers run with auto-creation off, so a topic exists only because the platform said what it
 * should be. A topic that already exists is checked: one that would delete events (a finite
 * retention, by time or size, or compaction) stops the service with what to change.
 */
export async function ensureTopics(admin: Admin, names: string[], settings: TopicSettings): Promise<void> {
  const wanted = [...new Set(names)];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((name) => !existing.has(name));
  await assertKeepsEvents(
    admin,
    wanted.filter((name) => existing.has(name)),
  );
  if (missing.length > 0) {
    try {
      await admin.createTopics({
        // kafkajs's own wait gives up when a fresh KRaft broker answers UNKNOWN_TOPIC_OR_PARTITION
        // for a moment after creating a topic; waitForLeaders below treats that as "not yet".
        waitForLeaders: false,
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
      if (errorTypes(error).every((type) => type === 'TOPIC_ALREADY_EXISTS')) return waitForLeaders(admin, wanted);
      // Services may not create topics (their ACLs hold no CREATE): provisioning makes them.
      if (errorTypes(error).some((type) => type.endsWith('AUTHORIZATION_FAILED'))) {
        throw new Error(
          `topics ${missing.join(', ')} do not exist (or this principal may not see them), and it may not create them: ` +
            'provisioning creates every topic and grants the ACLs (npm run kafka-provision; docs/security.md, Kafka)',
        );
      }
      throw error;
    }
  }
  await waitForLeaders(admin, wanted);
}

/** The broker's error types in a kafkajs error (one, or one per topic). */
function errorTypes(error: unknown): string[] {
  const { type, errors } = error as { type?: string; errors?: { type?: string }[] };
  const types = [type, ...(errors ?? []).map((inner) => inner.type)].filter((value): value is string => typeof value === 'string');
  return types.length > 0 ? types : ['UNKNOWN'];
}

/** Every partition of the topics has a leader that answers for it (bounded wait). */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  if (topics.length === 0) return;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no metadata yet';
  while (Date.now() < deadline) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      const leaderless = metadata.topics.filter(
        (topic) => topic.partitions.length === 0 || topic.partitions.some((partition) => partition.leader < 0 || partition.partitionErrorCode !== 0),
      );
      if (leaderless.length === 0) {
        // A leader in the metadata may not serve its partition yet (KRaft publishes first): ask each one.
        for (const topic of topics) await admin.fetchTopicOffsets(topic);
        return;
      }
      lastProblem = `no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`topics not ready after ${timeoutMs / 1000} s: ${lastProblem}`);
}

/**
 * The topics are the record the read models are rebuilt from: a topic that deletes or compacts
 * away events (the broker's 7-day default, say) loses people's history, so it is refused.
 */
async function assertKeepsEvents(admin: Admin, topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms', 'retention.bytes', 'cleanup.policy'] })),
  });
  const problems = resources.flatMap((resource) => {
    const value = (name: string) => resource.configEntries.find((entry) => entry.configName === name)?.configValue;
    return unsafeTopicSettings({ 'retention.ms': value('retention.ms'), 'retention.bytes': value('retention.bytes'), 'cleanup.policy': value('cleanup.policy') }).map(
      (problem) => `${resource.resourceName}: ${problem}`,
    );
  });
  if (problems.length > 0) {
    throw new UnsafeTopicError(
      `refusing to run on topics that would delete events (${problems.join('; ')}); ` +
        'set retention.ms=-1, retention.bytes=-1 and cleanup.policy=delete on them (kafka-configs --alter --entity-type topics ...)',
    );
  }
}

/** What in a topic's settings would delete events; empty when it keeps them forever. */
export function unsafeTopicSettings(config: Record<'retention.ms' | 'retention.bytes' | 'cleanup.policy', string | undefined>): string[] {
  const problems: string[] = [];
  if (config['retention.ms'] !== undefined && Number(config['retention.ms']) >= 0) problems.push(`retention.ms is ${config['retention.ms']}`);
  if (config['retention.bytes'] !== undefined && Number(config['retention.bytes']) >= 0) problems.push(`retention.bytes is ${config['retention.bytes']}`);
  if (config['cleanup.policy']?.includes('compact')) problems.push(`cleanup.policy is ${config['cleanup.policy']}`);
  return problems;
}
