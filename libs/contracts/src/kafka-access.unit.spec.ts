import { analystAcls, kafkaAclsOf, platformKafkaAcls, provisionedTopics, servicePrincipals, topicsConsumedBy, topicsProducedBy } from './kafka-access';
import { topicProducers, topics } from './topics';

const rights = (acls: ReturnType<typeof kafkaAclsOf>, operation: string) =>
  acls.filter((acl) => acl.resourceType === 'topic' && acl.operation === operation).map((acl) => acl.resourceName).sort();

describe('who may touch what on Kafka', () => {
  it('gives every topic exactly one writing service, its declared producer', () => {
    for (const topic of Object.values(topics)) {
      const writers = servicePrincipals.filter((service) => rights(kafkaAclsOf(service), 'write').includes(topic));
      expect([topic, writers.map((service) => `/mukti/${service}`)]).toEqual([topic, [topicProducers[topic]]]);
    }
  });

  it('lets the audit service read the trail the gateway writes, never write it', () => {
    expect(rights(kafkaAclsOf('audit'), 'write')).toEqual(['mukti.audit.dead-letters.v1', 'mukti.audit.redrive.v1']);
    expect(rights(kafkaAclsOf('audit'), 'read')).toEqual(['mukti.audit.dead-letters.v1', 'mukti.audit.redrive.v1', topics.audit].sort());
    expect(rights(kafkaAclsOf('gateway'), 'write')).toEqual([topics.audit]);
    expect(rights(kafkaAclsOf('gateway'), 'read')).toEqual([]);
  });

  it('lets the projection read every pillar, but not the audit trail, and write the analytics stream', () => {
    expect(topicsConsumedBy('projection')).not.toContain(topics.audit);
    expect(topicsProducedBy('projection')).toEqual([topics.analytics]);
  });

  it('names a service group by prefix (a rebuild, the redrive tool) and its parking topics literally', () => {
    const groups = kafkaAclsOf('rescue', 'mukti.rescue-2').filter((acl) => acl.resourceType === 'group');
    expect(groups).toEqual([{ principal: 'rescue', resourceType: 'group', patternType: 'prefixed', resourceName: 'mukti.rescue-2', operation: 'read' }]);
    expect(kafkaAclsOf('rescue', 'mukti.rescue-2').filter((acl) => acl.resourceType === 'topic').every((acl) => acl.patternType === 'literal')).toBe(true);
    expect(kafkaAclsOf('intake').some((acl) => acl.resourceType === 'group')).toBe(false);
  });

  it('gives the analyst the analytics stream in its own groups only', () => {
    expect(analystAcls().map(({ resourceType, resourceName, operation }) => `${operation} ${resourceType} ${resourceName}`)).toEqual([
      'read topic mukti.analytics.v1',
      'read group analyst.',
    ]);
  });

  it('grants nothing that creates, alters or deletes, and provisions every topic a grant names', () => {
    const acls = platformKafkaAcls();
    expect(new Set(acls.map((acl) => acl.operation))).toEqual(new Set(['read', 'write', 'describe-configs']));
    const provisioned = new Set(provisionedTopics());
    for (const acl of acls.filter((acl) => acl.resourceType === 'topic')) expect(provisioned).toContain(acl.resourceName);
  });
});
