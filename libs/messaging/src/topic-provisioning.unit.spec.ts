import { unsafeTopicSettings } from './topic-provisioning';

describe('topics that would delete events', () => {
  it('are told apart from topics that keep them forever', () => {
    expect(unsafeTopicSettings({ 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' })).toEqual([]);
    expect(unsafeTopicSettings({ 'retention.ms': '604800000', 'retention.bytes': '-1', 'cleanup.policy': 'delete' })).toEqual(['retention.ms is 604800000']);
    expect(unsafeTopicSettings({ 'retention.ms': '-1', 'retention.bytes': '1073741824', 'cleanup.policy': 'compact,delete' })).toEqual([
      'retention.bytes is 1073741824',
      'cleanup.policy is compact,delete',
    ]);
  });
});
