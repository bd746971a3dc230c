import { IntegerQueryParam } from '../fields';

/** k of the k-anonymity: counts under it are suppressed. Never below 11 (CTDC's public threshold). */
export class SuppressionQuery {
  @IntegerQueryParam({ default: 11, minimum: 11, maximum: 1000, description: 'suppress every count under k' })
  k?: number;
}
