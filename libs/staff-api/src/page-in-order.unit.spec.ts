import { PageInOrder } from './page-in-order';

describe('a page of a listing read a chunk at a time', () => {
  const byValue = (a: number, b: number) => a - b;
  const shuffled = Array.from({ length: 20_000 }, (_, index) => (index * 7_919) % 20_000);

  it('is the page a sort of everything gives, with how many there are in all', () => {
    for (const page of [{}, { limit: 10, offset: 0 }, { limit: 200, offset: 150 }, { limit: 5, offset: 19_998 }, { limit: 50, offset: 30_000 }]) {
      const listing = new PageInOrder(byValue, page);
      for (let from = 0; from < shuffled.length; from += 500) listing.add(shuffled.slice(from, from + 500));
      const everything = [...shuffled].sort(byValue);
      const limit = page.limit ?? 50;
      const offset = page.offset ?? 0;
      expect(listing.page()).toEqual({ items: everything.slice(offset, offset + limit), total: 20_000 });
    }
  });

  it('holds what the page needs, not the whole listing', () => {
    const listing = new PageInOrder(byValue, { limit: 50, offset: 100 });
    let most = 0;
    for (let from = 0; from < shuffled.length; from += 500) {
      listing.add(shuffled.slice(from, from + 500));
      most = Math.max(most, listing.held);
    }
    expect(most).toBeLessThanOrEqual(2 * 150 + 1_000 + 500);
  });
});
