import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type Admin, type AclEntry } from 'kafkajs';
import { analystAcls, KafkaAcl, kafkaAclsOf, provisionedTopics, ServicePrincipal, servicePrincipals, defaultConsumerGroups } from '@mukti/contracts';
import { ensureTopics, TopicSettings } from './topic-provisioning';

const operations: Record<KafkaAcl['operation'], AclOperationTypes> = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  'describe-configs': AclOperationTypes.DESCRIBE_CONFIGS,
};

/** One declared ACL as the brokers store it: an ALLOW for the principal from any host. */
export function toAclEntry(acl: KafkaAcl): AclEntry {
  return {
    principal: `User:${acl.principal}`,
    host: '*',
    resourceType: acl.resourceType === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: acl.resourceName,
    resourcePatternType: acl.patternType === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    operation: operations[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

export interface KafkaAccessProvisioning {
  /** The consumer group each consuming service runs in (default: the declared ones). */
  groups?: Partial<Record<ServicePrincipal, string>>;
  /** Only these services' topics and ACLs (default: every service, and the analyst). */
  services?: readonly ServicePrincipal[];
  topicSettings: TopicSettings;
}

/**
 * What the super-user does before the services start, and only that: creates the topics (the
 * platform's, and each consumer group's dead-letter and redrive topics) with the settings that
 * keep events forever, then grants each principal what libs/contracts declares for it. Both
 * steps are idempotent, so it runs at every start. The services hold no CREATE right: a topic
 * exists because provisioning made it, and a stolen service password cannot make or alter one.
 * It grants; it never revokes (removing a right is an operator's deliberate act).
 */
export async function provisionKafkaAccess(admin: Admin, request: KafkaAccessProvisioning): Promise<{ topics: string[]; acls: KafkaAcl[] }> {
  const services = request.services ?? servicePrincipals;
  const groups = { ...defaultConsumerGroups(), ...request.groups };
  const acls = [...services.flatMap((service) => kafkaAclsOf(service, groups[service])), ...(request.services ? [] : analystAcls())];
  const wantedGroups = Object.fromEntries(services.filter((service) => groups[service]).map((service) => [service, groups[service]]));
  const topics = request.services
    ? [...new Set(acls.filter((acl) => acl.resourceType === 'topic').map((acl) => acl.resourceName))]
    : provisionedTopics(wantedGroups);
  await ensureTopics(admin, topics, request.topicSettings);
  await admin.createAcls({ acl: acls.map(toAclEntry) });
  return { topics, acls };
}
