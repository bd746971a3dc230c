import type { IHeaders, Kafka } from 'kafkajs';
import { uniqueName } from './test-infrastructure';

export interface RawMessage {
  topic: string;
  partition: number;
  offset: string;
  /** The Kafka record timestamp, in milliseconds since the epoch. */
  timestamp: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? String(value[0]) : String(value)]),
  );
}

/**
 * Reads a topic raw from the beginning, with a group of its own, until `enough` says so or the
 * time is up; returns every message seen. For tests that look at what really is on the wire.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  enough: (messages: RawMessage[]) => boolean,
  timeoutMs = 20_000,
): Promise<RawMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader'), allowAutoTopicCreation: false });
  const messages: RawMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            messages.push({
              topic,
              partition,
              offset: message.offset,
              timestamp: message.timestamp,
              key: message.key ? message.key.toString() : null,
              value: message.value,
              headers: textHeaders(message.headers),
            });
            if (enough(messages)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Everything on a topic right now, every partition to its end. */
export async function readWholeTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<RawMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const expected = ends.reduce((sum, partition) => sum + (Number(partition.high) - Number(partition.low)), 0);
  if (expected === 0) return [];
  const messages = await readTopic(kafka, topic, (seen) => seen.length >= expected, timeoutMs);
  if (messages.length < expected) throw new Error(`read ${messages.length} of ${expected} messages of ${topic}`);
  return messages;
}
