/**
 * Where a page of a timeline ends, as an opaque token: the last entry's time and id (entries are
 * ordered by both, so a page never skips or repeats an entry that shares a time with another).
 */
export const timelineCursor = {
  write(position: { occurredAt: Date; id: string }): string {
    return Buffer.from(`${position.occurredAt.toISOString()}|${position.id}`, 'utf8').toString('base64url');
  },
  /** The position, or undefined when the token is not one this service wrote. */
  read(token: string): { occurredAt: Date; id: string } | undefined {
    const [time, id, ...rest] = Buffer.from(token, 'base64url').toString('utf8').split('|');
    const occurredAt = new Date(time ?? '');
    if (rest.length > 0 || !id || Number.isNaN(occurredAt.getTime()) || occurredAt.toISOString() !== time) return undefined;
    return { occurredAt, id };
  },
};
