/**
 * Strimzi's KafkaTopic and KafkaUser resources for the platform, derived from the one declaration
 * of who may touch what on Kafka (libs/contracts/src/kafka-access.ts) and the topic settings the
 * services check at start (libs/contracts/src/topics.ts, eventTopicConfig). `tools/deploy/strimzi.mjs`
 * writes them to k8s/overlays/production/strimzi.yaml; tools/deploy-tests fails when that file
 * drifts from what this function gives.
 *
 * Only relative imports: tools/deploy/strimzi.mjs loads this file without a build
 * (tools/infra/kafka-principals.mjs, loadTypeScript).
 */
import {
  analystAcls,
  analystPrincipal,
  kafkaAclsOf,
  provisionedTopics,
  servicePrincipals,
  topicConsumers,
  type KafkaAcl,
  type ServicePrincipal,
} from '../../libs/contracts/src/kafka-access';
import { eventTopicConfig } from '../../libs/contracts/src/topics';

export interface StrimziSettings {
  /** The Strimzi `Kafka` resource's name (label strimzi.io/cluster). */
  cluster: string;
  /** KAFKA_TOPIC_PARTITIONS and KAFKA_TOPIC_REPLICATION_FACTOR of mukti-config. */
  partitions: number;
  replicationFactor: number;
  /** Each consuming service's group (<SERVICE>_CONSUMER_GROUP of mukti-config); absent: the declared one. */
  groups: Partial<Record<ServicePrincipal, string>>;
}

/** The Secret and key each service's SCRAM password is read from (the service reads the same key). */
export const passwordSecretOf = (service: ServicePrincipal) => ({ name: `${service}-secrets`, key: 'KAFKA_SASL_PASSWORD' });

/** Strimzi's names for the declared operations and pattern types (KafkaUser spec.authorization.acls). */
const strimziOperation: Record<KafkaAcl['operation'], string> = { read: 'Read', write: 'Write', 'describe-configs': 'DescribeConfigs' };
const strimziPatternType: Record<KafkaAcl['patternType'], string> = { literal: 'literal', prefixed: 'prefix' };

/** A Kubernetes object name (DNS subdomain): the platform's topic names are already valid ones. */
function resourceNameOf(topic: string): string {
  if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(topic)) throw new Error(`topic ${topic} is not a valid Kubernetes name: give it a resource name of its own`);
  return topic;
}

/**
 * The topic settings a service refuses to run without (topic-provisioning.ts, unsafeTopicSettings):
 * kept forever, never compacted; min.insync.replicas as provisioning sets it (at most 2). The
 * brokers' default retention.bytes is already -1; it is written out so a cluster-wide
 * log.retention.bytes cannot give these topics a size limit.
 */
export function topicConfigOf(replicationFactor: number): Record<string, string> {
  return {
    ...eventTopicConfig,
    'retention.bytes': '-1',
    'min.insync.replicas': String(Math.min(2, replicationFactor)),
  };
}

/** One Strimzi ACL rule per resource, with every operation the declaration grants on it. */
function strimziAcls(acls: KafkaAcl[]) {
  const byResource = new Map<string, { resource: { type: string; name: string; patternType: string }; operations: string[]; host: string }>();
  for (const acl of acls) {
    const key = `${acl.resourceType}|${acl.patternType}|${acl.resourceName}`;
    const rule = byResource.get(key) ?? {
      resource: { type: acl.resourceType, name: acl.resourceName, patternType: strimziPatternType[acl.patternType] },
      operations: [],
      host: '*',
    };
    const operation = strimziOperation[acl.operation];
    if (!rule.operations.includes(operation)) rule.operations.push(operation);
    byResource.set(key, rule);
  }
  return [...byResource.values()];
}

function kafkaUser(name: string, cluster: string, acls: KafkaAcl[], password?: { name: string; key: string }) {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaUser',
    metadata: { name, labels: { 'strimzi.io/cluster': cluster } },
    spec: {
      authentication: {
        type: 'scram-sha-512',
        // The service's own Secret holds its password (the service reads it from there); without
        // one, Strimzi generates the password into a Secret named after the user.
        ...(password ? { password: { valueFrom: { secretKeyRef: password } } } : {}),
      },
      authorization: { type: 'simple', acls: strimziAcls(acls) },
    },
  };
}

/**
 * Every topic provisioning would create (each platform topic, each group's dead-letter and redrive
 * topics), and a SCRAM user per service principal and for the analyst, with exactly the declared
 * ACLs. No super-user: with Strimzi, the Topic and User Operators create topics and grant ACLs.
 */
export function strimziResources(settings: StrimziSettings): Record<string, unknown>[] {
  const groups: Partial<Record<ServicePrincipal, string>> = Object.fromEntries(
    Object.entries(topicConsumers).map(([service, declared]) => [service, settings.groups[service as ServicePrincipal] ?? declared!.group]),
  );
  const topicResources = [...new Set(provisionedTopics(groups))].map((topic) => ({
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: { name: resourceNameOf(topic), labels: { 'strimzi.io/cluster': settings.cluster } },
    spec: {
      topicName: topic,
      partitions: settings.partitions,
      replicas: settings.replicationFactor,
      config: topicConfigOf(settings.replicationFactor),
    },
  }));
  const users = [
    ...servicePrincipals.map((service) => kafkaUser(service, settings.cluster, kafkaAclsOf(service, groups[service]), passwordSecretOf(service))),
    kafkaUser(analystPrincipal, settings.cluster, analystAcls()),
  ];
  return [...topicResources, ...users];
}
