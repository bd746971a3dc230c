/**
 * Open alerts as each pillar's view keeps them: keyed by what closes them (a key is stored as a
 * value, never as a field name: keys hold dates and FerretDB refuses '.' in field names).
 */
import type { OpenAlert } from '../timeline/person-summary';

export interface KeyedAlert extends OpenAlert {
  key: string;
}

/**
 * Raised, or raised again (it keeps its raisedAt unless told otherwise). Kept in the order of
 * their keys: alerts raised by events of different topics arrive in any order, and every replica
 * must store the same view.
 */
export function raise(alerts: readonly KeyedAlert[], key: string, alert: OpenAlert): KeyedAlert[] {
  return [...alerts.filter((open) => open.key !== key), { key, ...alert }].sort(byKey);
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** As staff read them: oldest first, and alerts raised at the same moment in the order of their keys. */
export const byRaisedAt = (a: KeyedAlert, b: KeyedAlert) => a.raisedAt.localeCompare(b.raisedAt) || byKey(a, b);

export function close(alerts: readonly KeyedAlert[], closes: (key: string, alert: KeyedAlert) => boolean): KeyedAlert[] {
  const left = alerts.filter((open) => !closes(open.key, open));
  return left.length === alerts.length ? (alerts as KeyedAlert[]) : left;
}

export const raisedAtOf = (alerts: readonly KeyedAlert[], key: string) => alerts.find((open) => open.key === key)?.raisedAt;

/** As the summary shows them: without the key. */
export const unkeyed = ({ key: _key, ...alert }: KeyedAlert): OpenAlert => alert;

/** The same moment however it was written (a due date is matched against the follow-up that answers it). */
export const instant = (iso: string) => new Date(iso).toISOString();
