import { Topic, deadLetterTopicOf, redriveTopicOf, topicProducers, topics } from './topics';

/**
 * Who may touch what on Kafka, declared once: each service's principal writes the topics it
 * produces (`topicProducers`) and reads the topics it consumes (below), in its own consumer
 * group; every ACL on the brokers is derived from this (`kafkaAclsOf`), and so are the topics
 * each service subscribes to. Nothing else grants access: a principal not named here can do
 * nothing but authenticate.
 */
export const servicePrincipals = ['intake', 'rescue', 'rehabilitation', 'legal', 'livelihood', 'projection', 'audit', 'gateway'] as const;
export type ServicePrincipal = (typeof servicePrincipals)[number];

/** Reads only the de-identified stream, in consumer groups named `analyst.<anything>`. */
export const analystPrincipal = 'analyst';
export const analystGroupPrefix = 'analyst.';
/** The super-user: provisioning (topics, ACLs) and the test harness only; never a service. */
export const provisioningPrincipal = 'admin';
export const kafkaPrincipals = [...servicePrincipals, analystPrincipal, provisioningPrincipal] as const;

/** What each consuming service reads, and the consumer group it reads in unless configured otherwise. */
export const topicConsumers: Partial<Record<ServicePrincipal, { group: string; topics: readonly Topic[] }>> = {
  // Her registration and case team; its own events (step deadlines).
  rescue: { group: 'mukti.rescue', topics: [topics.intakeEvents, topics.rescueEvents] },
  // People; a rescue opens her care plan; its own events (follow-up deadlines).
  rehabilitation: { group: 'mukti.rehabilitation', topics: [topics.intakeEvents, topics.rescueEvents, topics.rehabilitationEvents] },
  // People, case teams and consents; its own events (deadlines, victims' cases, training register).
  legal: { group: 'mukti.legal', topics: [topics.intakeEvents, topics.legalEvents] },
  // People and households; care plans' livelihood goals; rescues (an entry into exploitation); its own deadlines.
  livelihood: {
    group: 'mukti.livelihood',
    topics: [topics.intakeEvents, topics.rehabilitationEvents, topics.rescueEvents, topics.livelihoodEvents],
  },
  // Every pillar's events (never the audit trail, never its own analytics stream).
  projection: {
    group: 'mukti.projection',
    topics: [topics.intakeEvents, topics.rescueEvents, topics.rehabilitationEvents, topics.legalEvents, topics.livelihoodEvents],
  },
  audit: { group: 'mukti.audit', topics: [topics.audit] },
};

/** The topics a service reads (its group's redrive topic aside). */
export function topicsConsumedBy(service: ServicePrincipal): Topic[] {
  return [...(topicConsumers[service]?.topics ?? [])];
}

/** The topics a service writes: those whose declared producer it is. */
export function topicsProducedBy(service: ServicePrincipal): Topic[] {
  return (Object.keys(topicProducers) as Topic[]).filter((topic) => topicProducers[topic] === `/mukti/${service}`);
}

export interface KafkaAcl {
  /** The SASL user name (the broker's principal is `User:<principal>`). */
  principal: string;
  resourceType: 'topic' | 'group';
  /** literal: exactly this name; prefixed: every name that starts with it. */
  patternType: 'literal' | 'prefixed';
  resourceName: string;
  operation: 'read' | 'write' | 'describe-configs';
}

/**
 * The ACLs of a service's principal, for the consumer group it is configured with (a rebuild
 * under a new group, or a test's own group, gets the same rights on its own names):
 * - write its own topics;
 * - read the topics it consumes, in groups named after its group (its redrive tool's groups,
 *   `<group>.redrive-tool`, included);
 * - write and read its group's dead-letter and redrive topics (it parks there, and re-reads what
 *   an operator put back; the redrive tool run with its credentials reads the dead letters);
 * - read the settings of every topic it touches (it refuses topics that would delete events).
 * No CREATE, ALTER or DELETE anywhere: provisioning creates the topics.
 */
export function kafkaAclsOf(service: ServicePrincipal, group: string | undefined = topicConsumers[service]?.group): KafkaAcl[] {
  const acl = (resourceType: KafkaAcl['resourceType'], resourceName: string, operation: KafkaAcl['operation'], patternType: KafkaAcl['patternType'] = 'literal'): KafkaAcl => ({
    principal: service,
    resourceType,
    patternType,
    resourceName,
    operation,
  });
  const produced = topicsProducedBy(service);
  const consumed = topicsConsumedBy(service);
  const parking = group ? [deadLetterTopicOf(group), redriveTopicOf(group)] : [];
  const acls = [
    ...produced.map((topic) => acl('topic', topic, 'write')),
    ...consumed.map((topic) => acl('topic', topic, 'read')),
    ...parking.flatMap((topic) => [acl('topic', topic, 'write'), acl('topic', topic, 'read')]),
    ...[...new Set([...produced, ...consumed, ...parking])].map((topic) => acl('topic', topic, 'describe-configs')),
    ...(group && consumed.length > 0 ? [acl('group', group, 'read', 'prefixed')] : []),
  ];
  return acls;
}

/** The analyst's: read the de-identified stream, in groups of its own prefix; nothing else. */
export function analystAcls(): KafkaAcl[] {
  return [
    { principal: analystPrincipal, resourceType: 'topic', patternType: 'literal', resourceName: topics.analytics, operation: 'read' },
    { principal: analystPrincipal, resourceType: 'group', patternType: 'prefixed', resourceName: analystGroupPrefix, operation: 'read' },
  ];
}

/**
 * Every topic provisioning creates for the given consumer groups: the platform's topics and each
 * group's dead-letter and redrive topics.
 */
export function provisionedTopics(groups: Partial<Record<ServicePrincipal, string>> = defaultConsumerGroups()): string[] {
  return [...Object.values(topics), ...Object.values(groups).flatMap((group) => [deadLetterTopicOf(group!), redriveTopicOf(group!)])];
}

/** Each consuming service's default consumer group. */
export function defaultConsumerGroups(): Partial<Record<ServicePrincipal, string>> {
  return Object.fromEntries(Object.entries(topicConsumers).map(([service, { group }]) => [service, group]));
}

/** Every ACL of the platform, for the given groups (default: each service's default group). */
export function platformKafkaAcls(groups: Partial<Record<ServicePrincipal, string>> = defaultConsumerGroups()): KafkaAcl[] {
  return [...servicePrincipals.flatMap((service) => kafkaAclsOf(service, groups[service])), ...analystAcls()];
}
