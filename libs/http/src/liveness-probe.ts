/**
 * The container image's HEALTHCHECK: asks this container's service for /health/live on the port
 * its own configuration says (MUKTI_APP names the service), and exits 0 when it answers.
 *   node dist/libs/http/src/liveness-probe.js
 */
import type { ConfigDefinition, Variable } from '@mukti/config';

async function probe(): Promise<void> {
  const app = process.env['MUKTI_APP'];
  if (!app || !/^[a-z-]+$/.test(app)) throw new Error('MUKTI_APP must name the service');
  // The service's own config definition: the port variable and its default live there only.
  const exported = require(`../../../apps/${app}/src/${app}.config`) as Record<string, ConfigDefinition<Record<string, Variable<unknown>>>>;
  const definition = Object.values(exported)[0];
  const portVariable = Object.entries(definition.variables).find(([, variable]) => variable.kind === 'port')?.[0];
  if (!portVariable) throw new Error(`${app} declares no port`);
  const port = process.env[portVariable] || definition.variables[portVariable].defaultValue;
  const response = await fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) throw new Error(`answered ${response.status}`);
}

if (require.main === module) {
  probe().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`liveness probe failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
