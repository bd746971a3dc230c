/** A validated query, passed on as it was understood (only the fields the DTO accepted). */
export function queryString(query: object): string {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined && value !== null);
  return entries.length ? `?${new URLSearchParams(entries.map(([name, value]): [string, string] => [name, String(value)])).toString()}` : '';
}
