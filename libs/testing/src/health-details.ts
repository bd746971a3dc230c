import { serviceBearer } from './staff-token';

/** What a service's readiness checks found (its /health/details), asked as an admin the gateway vouches for. */
export async function healthDetailsOf(baseUrl: string): Promise<{ checks?: { kafka?: { lag?: { total?: number } } } }> {
  const response = await fetch(new URL('/health/details', baseUrl), { headers: { authorization: await serviceBearer('admin') } });
  return (await response.json()) as { checks?: { kafka?: { lag?: { total?: number } } } };
}
