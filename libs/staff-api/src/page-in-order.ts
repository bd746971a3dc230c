import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './projection/alerts.query';

/**
 * One page of a listing in its order, from items given a chunk at a time in any order (an admin's
 * listing reads every summary as a stream, the training register its sessions): keeps the first offset + limit of them in order, not
 * everyone's, and counts them all.
 */
export class PageInOrder<T> {
  private kept: T[] = [];
  private total = 0;
  private readonly limit: number;
  private readonly offset: number;

  constructor(
    private readonly order: (a: T, b: T) => number,
    page: { limit?: number; offset?: number },
  ) {
    this.limit = Math.min(Math.max(page.limit ?? DEFAULT_LIST_LIMIT, 1), MAX_LIST_LIMIT);
    this.offset = Math.max(page.offset ?? 0, 0);
  }

  add(items: readonly T[]): void {
    this.total += items.length;
    this.kept.push(...items);
    // Sorted and cut back once it holds twice what the page needs: n log k over the listing.
    if (this.kept.length > 2 * (this.offset + this.limit) + 1_000) this.cut();
  }

  /** How many items it holds now: its memory, bounded by the page asked for, not by the listing. */
  get held(): number {
    return this.kept.length;
  }

  page(): { items: T[]; total: number } {
    this.cut();
    return { items: this.kept.slice(this.offset, this.offset + this.limit), total: this.total };
  }

  private cut(): void {
    this.kept.sort(this.order);
    this.kept.length = Math.min(this.kept.length, this.offset + this.limit);
  }
}
