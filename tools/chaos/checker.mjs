// After a chaos run, once the platform is quiet: what was accepted against what every read model
// shows. Reads the projection directly (as the gateway would, with its service token), so the
// check itself writes no audit records; reads her registration through the gateway, as staff do.
import { isDeepStrictEqual } from 'node:util';

/** Every entry on her timeline, oldest first, a page at a time. */
async function wholeTimeline(projection, vouched, personId) {
  const entries = [];
  let cursor;
  do {
    const query = new URLSearchParams({ limit: '100', order: 'oldest-first', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${projection}/people/${personId}/timeline?${query}`, { headers: await vouched() });
    if (response.status === 404) return entries;
    if (!response.ok) throw new Error(`timeline of ${personId}: ${response.status} ${await response.text()}`);
    const page = await response.json();
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

async function summaryOf(projection, vouched, personId) {
  const response = await fetch(`${projection}/people/${personId}/summary`, { headers: await vouched() });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`summary of ${personId}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A summary as a rebuild must reproduce it: when the projection last wrote it is not part of it. */
function comparable(summary) {
  if (!summary) return summary;
  const { updatedAt: _updatedAt, ...rest } = summary;
  return rest;
}

function firstDifference(left, right, path = '') {
  if (isDeepStrictEqual(left, right)) return undefined;
  if (left && right && typeof left === 'object' && typeof right === 'object') {
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const found = firstDifference(left[key], right[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path || '.'}: live ${JSON.stringify(left)?.slice(0, 200)} rebuilt ${JSON.stringify(right)?.slice(0, 200)}`;
}

/**
 * Compares the ledger with the read models. `live` and `rebuilt` are the two projections' URLs;
 * `vouched` gives fresh headers for them (the gateway's service tokens live a minute).
 * Returns the figures and, for each problem, one line that says what and whose.
 */
export async function check({ cases, live, rebuilt, vouched, gateway, problems }) {
  const figures = { lost: 0, duplicated: 0, diverged: 0, unreadable: 0, alertsExpected: 0 };
  for (const record of cases.filter((entry) => entry.id)) {
    const entries = await wholeTimeline(live, vouched, record.id);
    const byType = {};
    for (const entry of entries) byType[entry.type] = (byType[entry.type] ?? 0) + 1;
    // Each accepted command once; one whose outcome stayed unknown at most once more.
    for (const type of new Set([...Object.keys(record.entries), ...Object.keys(record.unknown)])) {
      const accepted = record.entries[type] ?? 0;
      const found = byType[type] ?? 0;
      if (found < accepted) {
        figures.lost += accepted - found;
        problems.push(`lost: ${accepted - found} × ${type} on the timeline of ${record.id}`);
      } else if (found > accepted + (record.unknown[type] ?? 0)) {
        figures.duplicated += found - accepted - (record.unknown[type] ?? 0);
        problems.push(`duplicated: ${found} × ${type} on the timeline of ${record.id}, ${accepted} accepted`);
      }
    }
    // Entries that are events' entries: one event, one entry.
    const ids = entries.map((entry) => entry.eventId);
    const repeated = ids.length - new Set(ids).size;
    if (repeated > 0) {
      figures.duplicated += repeated;
      problems.push(`duplicated: ${repeated} event id(s) twice on the timeline of ${record.id}`);
    }

    const summary = await summaryOf(live, vouched, record.id);
    const open = {};
    for (const alert of summary?.openAlerts ?? []) open[alert.kind] = (open[alert.kind] ?? 0) + 1;
    for (const [kind, expected] of Object.entries(record.alerts)) {
      figures.alertsExpected += expected;
      if ((open[kind] ?? 0) < expected) {
        figures.lost += expected - (open[kind] ?? 0);
        problems.push(`lost: alert ${kind} of ${record.id} not open`);
      } else if ((open[kind] ?? 0) > expected) {
        figures.duplicated += open[kind] - expected;
        problems.push(`duplicated: alert ${kind} open ${open[kind]} times for ${record.id}`);
      }
    }

    const again = await summaryOf(rebuilt, vouched, record.id);
    const difference = firstDifference(comparable(summary), comparable(again));
    if (difference) {
      figures.diverged += 1;
      problems.push(`diverged: the summary of ${record.id} differs from the one rebuilt from the topics at ${difference}`);
    }

    // Her registration, readable: her data key and her record agree.
    const response = await fetch(`${gateway}/api/v1/people/${record.id}`, { headers: { authorization: record.caseworker.authorization } });
    const body = response.ok ? await response.json() : undefined;
    if (!body || JSON.stringify(body).indexOf(record.name) < 0) {
      figures.unreadable += 1;
      problems.push(`unreadable: ${record.id} answers ${response.status} without her name`);
    }
  }
  return figures;
}

/** Commits not yet published (pending, or held behind one), and those set aside, in every service's database. */
export async function outboxLeft({ mongodbUri, databases }) {
  const { MongoClient } = await import('mongodb');
  const mongo = await MongoClient.connect(mongodbUri.replace(/\/?$/, '/'));
  const left = { pending: 0, held: 0, 'set-aside': 0 };
  try {
    for (const name of databases) {
      const database = mongo.db(name);
      for (const { name: collection } of await database.listCollections().toArray()) {
        for (const status of Object.keys(left)) left[status] += await database.collection(collection).countDocuments({ outbox: status });
      }
    }
  } finally {
    await mongo.close();
  }
  return left;
}

/** Messages parked on each group's dead-letter topic, by group, from the broker. */
export async function deadLettersOf({ kafka, groups }) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const byGroup = {};
    for (const group of groups) {
      const topic = `${group}.dead-letters.v1`;
      if (!existing.has(topic)) continue;
      const count = (await admin.fetchTopicOffsets(topic)).reduce((sum, { high, low }) => sum + Number(BigInt(high) - BigInt(low)), 0);
      if (count > 0) byGroup[group] = count;
    }
    return byGroup;
  } finally {
    await admin.disconnect();
  }
}
