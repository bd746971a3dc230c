import { randomUUID } from 'node:crypto';
import type { Admin, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf, redriveTopicOf } from '@mukti/contracts';
import { headerText } from './cloudevents-binding';
import { deadLetterHeaders, redriveHeaders } from './event-consumer';

export interface RedriveRequest {
  kafka: Kafka;
  /** The consumer group whose dead letters go back. */
  group: string;
  /** Only this parked message (its event id, or the park id the dead letter names). */
  eventId?: string;
  /** Give up this parked message for good instead (releases its key), with the operator's reason. */
  discard?: { parkId: string; reason: string };
}

export interface RedrivenMessage {
  parkId: string;
  key: string | null;
  kind: string;
  originTopic: string;
  reason: string;
}

export interface RedriveReport {
  group: string;
  /** What went back on the group's redrive topic, in order. */
  redriven: RedrivenMessage[];
  discarded?: RedrivenMessage;
}

/**
 * Puts a group's dead letters back in order, on the group's redrive topic (only that group reads
 * it). Without an event id, every dead letter not yet redriven goes back, and the tool remembers
 * how far it got in a consumer group of its own (`<group>.redrive-tool`), so running it twice does
 * not send anything twice. With an event id, only the latest copy of that parked message goes
 * back. A message still failing is parked again, its key still held: nothing is lost either way.
 */
export async function redrive(request: RedriveRequest): Promise<RedriveReport> {
  const deadLetterTopic = deadLetterTopicOf(request.group);
  const admin = request.kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    if (!existing.has(deadLetterTopic)) throw new Error(`group ${request.group} has no dead-letter topic (${deadLetterTopic})`);
    const picking = request.eventId !== undefined || request.discard !== undefined;
    const reader = picking ? `${request.group}.redrive-look-${randomUUID()}` : `${request.group}.redrive-tool`;
    const { letters, ends } = await readUntilEnd(request.kafka, admin, deadLetterTopic, reader);
    const producer = request.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      if (request.discard) {
        const letter = latest(letters, request.discard.parkId);
        if (!letter) throw new Error(`no dead letter of group ${request.group} is parked as ${request.discard.parkId}`);
        await producer.send({
          topic: redriveTopicOf(request.group),
          acks: -1,
          messages: [
            {
              key: letter.key,
              value: null,
              headers: {
                [redriveHeaders.action]: 'discard',
                [redriveHeaders.parkId]: request.discard.parkId,
                [redriveHeaders.reason]: request.discard.reason,
              },
            },
          ],
        });
        return { group: request.group, redriven: [], discarded: describe(letter) };
      }
      const chosen = request.eventId ? [latest(letters, request.eventId)].filter((letter) => letter !== undefined) : letters;
      if (request.eventId && chosen.length === 0) throw new Error(`no dead letter of group ${request.group} is parked as ${request.eventId}`);
      if (chosen.length > 0) {
        await producer.send({
          topic: redriveTopicOf(request.group),
          acks: -1,
          messages: chosen.map((letter) => ({ key: letter.key, value: letter.value, headers: letter.headers as IHeaders })),
        });
      }
      // Remembered only once they are back on the redrive topic: a failed send redrives them next time.
      if (!picking) await admin.setOffsets({ groupId: reader, topic: deadLetterTopic, partitions: ends });
      return { group: request.group, redriven: chosen.map(describe) };
    } finally {
      await producer.disconnect();
    }
  } finally {
    await admin.disconnect();
  }
}

function describe(letter: KafkaMessage): RedrivenMessage {
  const header = (name: string) => headerText(letter.headers, name) ?? '';
  return {
    parkId: header(deadLetterHeaders.parkId) || header('ce_id'),
    key: letter.key ? letter.key.toString() : null,
    kind: header(deadLetterHeaders.kind) || 'failed',
    originTopic: header(deadLetterHeaders.topic),
    reason: header(deadLetterHeaders.error).split('\n')[0]!,
  };
}

function latest(letters: KafkaMessage[], parkId: string): KafkaMessage | undefined {
  return letters.filter((letter) => describe(letter).parkId === parkId).at(-1);
}

/**
 * Every message of a topic from the reader group's position (or the beginning) up to its end as
 * it is now, in order, with the ends to remember once the caller has used them.
 */
async function readUntilEnd(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  groupId: string,
): Promise<{ letters: KafkaMessage[]; ends: { partition: number; offset: string }[] }> {
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, BigInt(high)]));
  const [positions] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const startOf = new Map(positions!.partitions.map(({ partition, offset }) => [partition, BigInt(offset) < 0n ? 0n : BigInt(offset)]));
  const remaining = new Set([...ends].filter(([partition, end]) => (startOf.get(partition) ?? 0n) < end).map(([partition]) => partition));
  const byPartition = new Map<number, KafkaMessage[]>();
  if (remaining.size > 0) {
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${topic} to its end took over 60 s`)), 60_000);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const end = ends.get(partition) ?? 0n;
              if (BigInt(message.offset) < end) {
                if (!byPartition.has(partition)) byPartition.set(partition, []);
                byPartition.get(partition)!.push(message);
              }
              if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
              if (remaining.size === 0) {
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
  }
  // Partition by partition: a key lives on one partition, so each key's order is kept.
  const letters = [...byPartition.keys()].sort((a, b) => a - b).flatMap((partition) => byPartition.get(partition)!);
  return { letters, ends: [...ends].map(([partition, end]) => ({ partition, offset: end.toString() })) };
}
