/** The endpoint table's rules that the audit trail relies on. */
import { recordOpenedBy, StaffEndpoint, staffEndpoints } from './endpoint-roles';

const endpoints = Object.entries(staffEndpoints) as [string, StaffEndpoint][];

it('names, for every request that creates a record with a team, the record its answer names: it is on the trail under it, as every later request on it is', () => {
  // A collection whose items are records with a team: `/api/v1/cases` for `/api/v1/cases/{caseId}/...`.
  const collections = new Map<string, string>();
  for (const [, endpoint] of endpoints) {
    const item = endpoint.path.match(/^(\/api\/v1\/[a-z-]+)\/\{(\w+)\}/);
    const opened = item ? recordOpenedBy({ ...endpoint, path: `${item[1]}/{${item[2]}}` }, { [item[2]!]: 'id' }) : undefined;
    if (item && opened) collections.set(item[1]!, opened.kind);
  }
  const creators = endpoints.filter(([, endpoint]) => endpoint.method === 'POST' && collections.has(endpoint.path));
  expect(creators.map(([name, endpoint]) => [name, endpoint.recordInAnswer])).toEqual(creators.map(([name, endpoint]) => [name, collections.get(endpoint.path)]));
  expect(creators.map(([name]) => name).sort()).toEqual(['openPreventionPlan', 'planRescueOperation', 'profilePerpetrator', 'registerFir', 'registerHousehold']);
});
