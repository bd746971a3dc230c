import type { Admin } from 'kafkajs';

export interface ConsumerLag {
  /** Messages on the topics that the group has not committed yet. */
  total: number;
  byTopic: Record<string, number>;
  /** By topic and partition: one partition stuck (a held key, a slow member) shows here while its topic's sum hides it. */
  byPartition: { topic: string; partition: number; behind: number }[];
}

/** How far a consumer group is behind the end of its topics. */
export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<ConsumerLag> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const byTopic: Record<string, number> = {};
  const byPartition: ConsumerLag['byPartition'] = [];
  let total = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const group = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
    let lag = 0;
    for (const end of ends) {
      const done = group.find((entry) => entry.partition === end.partition)?.offset ?? '-1';
      const start = Number(done) >= 0 ? BigInt(done) : BigInt(end.low);
      const behind = Number(BigInt(end.high) - start);
      byPartition.push({ topic, partition: end.partition, behind });
      lag += behind;
    }
    byTopic[topic] = lag;
    total += lag;
  }
  return { total, byTopic, byPartition };
}

/** How many messages a consumer group has parked on its dead-letter topic, ever (0 if it has none yet). */
export async function deadLetterCount(admin: Admin, deadLetterTopic: string): Promise<number> {
  const existing = await admin.listTopics();
  if (!existing.includes(deadLetterTopic)) return 0;
  const ends = await admin.fetchTopicOffsets(deadLetterTopic);
  return ends.reduce((sum, { high, low }) => sum + Number(BigInt(high) - BigInt(low)), 0);
}
