/**
 * The environment variables each service reads, straight from the services' own config
 * definitions: a variable added to a service fails these tests until compose and k8s set it.
 */
import { gatewayConfig } from '../../apps/gateway/src/gateway.config';
import { intakeConfig } from '../../apps/intake/src/intake.config';
import { projectionConfig } from '../../apps/projection/src/projection.config';
import { auditConfig } from '../../apps/audit/src/audit.config';
import { rescueConfig } from '../../apps/rescue/src/rescue.config';
import { rehabilitationConfig } from '../../apps/rehabilitation/src/rehabilitation.config';
import { legalConfig } from '../../apps/legal/src/legal.config';
import { livelihoodConfig } from '../../apps/livelihood/src/livelihood.config';

export const appNames = ['gateway', 'intake', 'projection', 'audit', 'rescue', 'rehabilitation', 'legal', 'livelihood'] as const;
export type AppName = (typeof appNames)[number];

export const appConfigs = { gateway: gatewayConfig, intake: intakeConfig, projection: projectionConfig, audit: auditConfig, rescue: rescueConfig, rehabilitation: rehabilitationConfig, legal: legalConfig, livelihood: livelihoodConfig };

export const appVariables: Record<AppName, string[]> = {
  gateway: gatewayConfig.variableNames,
  intake: intakeConfig.variableNames,
  projection: projectionConfig.variableNames,
  audit: auditConfig.variableNames,
  rescue: rescueConfig.variableNames,
  rehabilitation: rehabilitationConfig.variableNames,
  legal: legalConfig.variableNames,
  livelihood: livelihoodConfig.variableNames,
};

/** Variables that hold secrets: interpolated in compose, taken from the Secret in k8s. */
export const secretVariables: readonly string[] = [
  ...new Set(
    Object.values(appConfigs).flatMap((definition) =>
      Object.entries(definition.variables)
        .filter(([, variable]) => variable.kind === 'secret')
        .map(([name]) => name),
    ),
  ),
];

/** The variable holding the HTTP port of each service. */
export const portVariable: Record<AppName, string> = {
  gateway: 'GATEWAY_PORT',
  intake: 'INTAKE_PORT',
  projection: 'PROJECTION_PORT',
  audit: 'AUDIT_PORT',
  rescue: 'RESCUE_PORT',
  rehabilitation: 'REHABILITATION_PORT',
  legal: 'LEGAL_PORT',
  livelihood: 'LIVELIHOOD_PORT',
};
