/**
 * Open alerts as each pillar's view keeps them: keyed by what closes them (a key is stored as a
 * value, never as a field name: keys hold dates and FerretDB refuses '.' in field names).
 */
import type { OpenAlert } from '../timeline/person-summary';

export interface KeyedAlert extends OpenAlert {
  key: string;
}

/** Raised, or raised again: an alert already open keeps its place (and its raisedAt unless told otherwise). */
export function raise(alerts: readonly KeyedAlert[], key: string, alert: OpenAlert): KeyedAlert[] {
  const at = alerts.findIndex((open) => open.key === key);
  if (at < 0) return [...alerts, { key, ...alert }];
  return alerts.map((open, index) => (index === at ? { key, ...alert } : open));
}

export function close(alerts: readonly KeyedAlert[], closes: (key: string, alert: KeyedAlert) => boolean): KeyedAlert[] {
  const left = alerts.filter((open) => !closes(open.key, open));
  return left.length === alerts.length ? (alerts as KeyedAlert[]) : left;
}

export const raisedAtOf = (alerts: readonly KeyedAlert[], key: string) => alerts.find((open) => open.key === key)?.raisedAt;

/** As the summary shows them: without the key. */
export const unkeyed = ({ key: _key, ...alert }: KeyedAlert): OpenAlert => alert;

/** The same moment however it was written (a due date is matched against the follow-up that answers it). */
export const instant = (iso: string) => new Date(iso).toISOString();
