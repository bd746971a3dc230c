import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress, type IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { analystAcls, kafkaAclsOf, provisionedTopics, servicePrincipals, topicConsumers, type KafkaAcl, type ServicePrincipal } from '@mukti/contracts';
import { DEVELOPMENT_DEFAULTS, developmentKafkaPassword } from '@mukti/config';
import { unsafeTopicSettings } from '../../libs/messaging/src/topic-provisioning';
import { strimziResources, type StrimziSettings } from '../deploy/strimzi-resources';
import { appConfigs, appNames, appVariables, portVariable, secretVariables, type AppName } from './app-variables';
import { readYamlDocuments, renderKustomization, repoPath, schemaProblems, typeScriptSources, type KubernetesModel } from './support';

/**
 * k8s/overlays/production, as kustomize renders it: every service has a PodDisruptionBudget,
 * a preStop drain, a grace period, resources and probes; only the services whose single-writer
 * jobs are safe side by side roll out pod by pod and autoscale; the Ingress reaches the gateway's
 * API alone; no API docs, no development defaults, no secrets in the manifests; monitoring uses
 * the metrics the code exports; the Strimzi resources are the Kafka access declaration.
 */

const OVERLAY = 'k8s/overlays/production';
const NAMESPACE = 'mukti';
const rendered = renderKustomization(OVERLAY) as (Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } })[];

const byKind = <T>(kind: string): T[] => rendered.filter((r) => r.kind === kind) as unknown as T[];
const named = <T>(kind: string, name: string): T | undefined => rendered.find((r) => r.kind === kind && r.metadata.name === name) as T | undefined;
const deploymentOf = (app: string): IDeployment => {
  const d = named<IDeployment>('Deployment', app);
  if (!d) throw new Error(`no Deployment ${app} in ${OVERLAY}`);
  return d;
};
const containerOf = (app: string): IContainer => deploymentOf(app).spec!.template.spec!.containers.find((c) => c.name === app)!;
const podLabels = (app: string) => deploymentOf(app).spec?.template.metadata?.labels ?? {};
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.keys(selector ?? {}).length > 0 && Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

const config = (): Record<string, string> => {
  const cm = named<IConfigMap>('ConfigMap', 'mukti-config');
  if (!cm) throw new Error('no ConfigMap mukti-config');
  return { ...(cm.data ?? {}) };
};

/** Where a service writes a read model fenced on MongoDB only (changeFenced): one consumer only, since the overlay may run on FerretDB (deployments.patch.yaml). */
/** Every service runs two replicas or more: its read models are fenced on every store (libs/persistence/src/fenced-change.ts). */
const coreModels: Record<string, KubernetesModel> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};
/** Kinds of operators the overlay relies on; checked field by field below (no schema of theirs here). */
const customKinds = ['monitoring.coreos.com/v1/ServiceMonitor', 'monitoring.coreos.com/v1/PrometheusRule', 'kafka.strimzi.io/v1beta2/KafkaTopic', 'kafka.strimzi.io/v1beta2/KafkaUser', 'keda.sh/v1alpha1/ScaledObject'];

describe('k8s/overlays/production', () => {
  it('renders only known kinds, the Kubernetes ones valid against the schema, all in the mukti namespace', () => {
    const misplaced = rendered
      .filter((object) => (object.kind !== 'Namespace' && object.metadata.namespace !== NAMESPACE) || object.metadata.labels?.['app.kubernetes.io/part-of'] !== 'mukti')
      .map((object) => `${object.kind} ${object.metadata.name}`);
    expect(misplaced).toEqual([]);
    const objects = rendered.map((object) => ({ id: `${object.kind} ${object.metadata.name}`, object }));
    expect(schemaProblems(objects, coreModels, customKinds)).toEqual([]);
    const ids = rendered.map((r) => `${r.kind}/${r.metadata.name}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('keeps every service of the base, with pinned images from a registry', () => {
    expect(byKind<IDeployment>('Deployment').map((d) => d.metadata?.name).sort()).toEqual([...appNames].sort());
    for (const app of appNames) {
      expect(named('Service', app)).toBeDefined();
      const image = containerOf(app).image ?? '';
      expect({ app, image, placeholder: image.startsWith('mukti/') || /:latest$|^[^:@]+$/.test(image) }).toEqual({ app, image, placeholder: false });
    }
  });

  describe.each(appNames.map((app) => [app]))('%s', (app: AppName) => {
    it('has a PodDisruptionBudget that selects its pods and lets a drain through', () => {
      const budgets = byKind<IPodDisruptionBudget>('PodDisruptionBudget').filter((pdb) => selects(pdb.spec?.selector?.matchLabels, podLabels(app)));
      expect(budgets).toHaveLength(1);
      const spec = budgets[0].spec!;
      // minAvailable on one replica would block every node drain.
      expect(spec.minAvailable).toBeUndefined();
      expect(Number(spec.maxUnavailable)).toBeGreaterThanOrEqual(1);
    });

    it('sleeps in preStop so endpoints drain before SIGTERM, within a grace period that leaves time for its ordered shutdown', () => {
      const preStop = containerOf(app).lifecycle?.preStop;
      const command = preStop?.exec?.command ?? [];
      const sleep = preStop?.sleep?.seconds ?? (command[0] === 'sleep' ? Number(command[1]) : NaN);
      expect(sleep).toBeGreaterThanOrEqual(3);
      expect(sleep).toBeLessThanOrEqual(15);
      const grace = deploymentOf(app).spec?.template.spec?.terminationGracePeriodSeconds ?? 30;
      // The consumer's message in hand with its retries, the relay's last flush, requests in flight.
      expect(grace - sleep).toBeGreaterThanOrEqual(20);
    });

    it('requests and limits CPU and memory, and probes liveness, readiness and start-up', () => {
      const c = containerOf(app);
      expect(Object.keys(c.resources?.requests ?? {})).toEqual(expect.arrayContaining(['cpu', 'memory']));
      expect(Object.keys(c.resources?.limits ?? {})).toEqual(expect.arrayContaining(['cpu', 'memory']));
      expect(c.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(c.readinessProbe?.httpGet?.path).toBe('/health');
      expect(c.startupProbe?.httpGet?.path).toBe('/health/live');
      expect(c.securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(c.securityContext?.allowPrivilegeEscalation).toBe(false);
    });

    it('rolls out pod by pod and scales, at two replicas at least', () => {
      const d = deploymentOf(app);
      const scalers = [
        ...byKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler').map((h) => h.spec?.scaleTargetRef),
        ...byKind<{ spec: { scaleTargetRef: { name: string; kind?: string } } }>('ScaledObject').map((s) => s.spec.scaleTargetRef),
      ].filter((ref) => ref?.name === app && (ref.kind ?? 'Deployment') === 'Deployment');
      expect(d.spec?.strategy?.type).toBe('RollingUpdate');
      expect(d.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
      // The autoscaler owns the count: a replica count in the manifest would reset it on every apply.
      expect(d.spec?.replicas).toBeUndefined();
      expect(scalers).toHaveLength(1);
    });

    it('takes its secrets only from its own Secret, which the overlay leaves to the secret manager', () => {
      const refs = (containerOf(app).env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [{ variable: e.name, ...e.valueFrom.secretKeyRef }] : []));
      const wanted = appVariables[app].filter((v) => secretVariables.includes(v)).sort();
      expect(refs.map((r) => r.variable).sort()).toEqual(wanted);
      expect(refs.filter((r) => r.name !== `${app}-secrets` || r.key !== r.variable)).toEqual([]);
      expect(containerOf(app).envFrom ?? []).toEqual([]);
    });

    it('is scraped on /metrics by a ServiceMonitor of its own', () => {
      const service = named<IService>('Service', app)!;
      const monitors = byKind<{ spec: { selector: { matchLabels: Record<string, string> }; namespaceSelector?: { matchNames?: string[] }; endpoints: { port: string; path: string }[] } }>(
        'ServiceMonitor',
      ).filter((m) => selects(m.spec.selector.matchLabels, service.metadata?.labels ?? {}));
      expect(monitors).toHaveLength(1);
      expect(monitors[0].spec.namespaceSelector?.matchNames).toEqual([NAMESPACE]);
      const ports = (service.spec?.ports ?? []).map((p) => p.name);
      expect(monitors[0].spec.endpoints.map((e) => ({ port: ports.includes(e.port), path: e.path }))).toEqual([{ port: true, path: '/metrics' }]);
    });
  });

  it('autoscales within its limits: at least two replicas, a consumer no further than its partitions', () => {
    const partitions = Number(config().KAFKA_TOPIC_PARTITIONS);
    for (const hpa of byKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler')) {
      expect({ name: hpa.metadata?.name, min: (hpa.spec?.minReplicas ?? 1) >= 2 }).toEqual({ name: hpa.metadata?.name, min: true });
      expect(topicConsumers[hpa.spec?.scaleTargetRef.name as ServicePrincipal]).toBeUndefined();
    }
    const scaled = byKind<{ spec: { scaleTargetRef: { name: string }; minReplicaCount: number; maxReplicaCount: number; triggers: { type: string; metadata: Record<string, string> }[] } }>('ScaledObject');
    for (const so of scaled) {
      const consumer = topicConsumers[so.spec.scaleTargetRef.name as ServicePrincipal];
      expect(consumer).toBeDefined();
      expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(2);
      expect(so.spec.maxReplicaCount).toBeLessThanOrEqual(partitions);
      // On the lag of its own group, as the service reports it.
      expect(so.spec.triggers.map((t) => ({ type: t.type, lag: t.metadata.query.includes('mukti_consumer_lag_messages'), group: t.metadata.query.includes(`group="${consumer!.group}"`) }))).toEqual([
        { type: 'prometheus', lag: true, group: true },
      ]);
    }
  });

  it('routes the Ingress to the gateway alone, its staff API only, over TLS', () => {
    const ingresses = byKind<IIngress>('Ingress');
    expect(ingresses).toHaveLength(1);
    const spec = ingresses[0].spec!;
    expect(spec.defaultBackend).toBeUndefined();
    const gatewayPorts = (named<IService>('Service', 'gateway')?.spec?.ports ?? []).flatMap((p) => [p.name, p.port]);
    const paths = (spec.rules ?? []).flatMap((rule) => (rule.http?.paths ?? []).map((p) => ({ host: rule.host, ...p })));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.backend.service?.name).toBe('gateway');
      expect(gatewayPorts).toContain(path.backend.service?.port?.name ?? path.backend.service?.port?.number);
      expect(path.path).toMatch(/^\/api\/v1(\/|$)/);
    }
    const tlsHosts = (spec.tls ?? []).flatMap((t) => (t.secretName ? (t.hosts ?? []) : []));
    expect(paths.map((p) => p.host).filter((host) => !host || !tlsHosts.includes(host))).toEqual([]);
  });

  it('lets only the ingress controller reach the gateway, only the gateway reach the services, and Prometheus only their HTTP port', () => {
    const policies = byKind<INetworkPolicy>('NetworkPolicy');
    expect(policies.some((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && p.spec?.policyTypes?.includes('Ingress') && !p.spec?.ingress?.length)).toBe(true);
    const isPrometheus = (peer: INetworkPolicyPeer) =>
      peer.namespaceSelector?.matchLabels?.['mukti.org/monitoring'] === 'true' && peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'prometheus';
    const appliesTo = (policy: INetworkPolicy, app: string) => {
      const selector = policy.spec?.podSelector ?? {};
      const expressions = selector.matchExpressions ?? [];
      return (
        (Object.keys(selector.matchLabels ?? {}).length > 0 || expressions.length > 0) &&
        Object.entries(selector.matchLabels ?? {}).every(([k, v]) => podLabels(app)[k] === v) &&
        expressions.every((e) => e.operator === 'In' && (e.values ?? []).includes(podLabels(app)[e.key]))
      );
    };
    for (const app of appNames) {
      const port = Number(config()[portVariable[app]]);
      const rules = policies.filter((p) => appliesTo(p, app)).flatMap((p) => p.spec?.ingress ?? []);
      const peers = rules.flatMap((rule) => (rule.from ?? []).map((peer) => ({ peer, ports: (rule.ports ?? []).map((p) => p.port) })));
      const outsiders = peers.filter(({ peer }) => peer.namespaceSelector !== undefined || peer.ipBlock !== undefined);
      // From other namespaces: Prometheus's pods, on the HTTP port (for /metrics), and for the gateway the ingress controller.
      for (const { peer, ports } of outsiders.filter(({ peer }) => isPrometheus(peer))) expect(ports).toEqual(['http']);
      const others = outsiders.filter(({ peer }) => !isPrometheus(peer));
      if (app === 'gateway') {
        expect(others.map(({ peer, ports }) => ({ from: peer.namespaceSelector?.matchLabels, ipBlock: peer.ipBlock, ports }))).toEqual([
          { from: { 'mukti.org/ingress': 'true' }, ipBlock: undefined, ports: [port] },
        ]);
      } else {
        expect({ app, others }).toEqual({ app, others: [] });
        const callers = peers.filter(({ peer }) => !peer.namespaceSelector).map(({ peer }) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name']);
        expect(callers.sort()).toEqual(app === 'intake' ? ['gateway', 'rehabilitation'] : ['gateway']);
      }
      expect(outsiders.some(({ peer }) => isPrometheus(peer))).toBe(true);
    }
  });

  it('serves no API docs (issue #12) and runs as production', () => {
    expect(config().GATEWAY_API_DOCS).toBe('false');
    expect(config().NODE_ENV).toBe('production');
    const docs = (containerOf('gateway').env ?? []).find((e) => e.name === 'GATEWAY_API_DOCS');
    expect(docs?.valueFrom?.configMapKeyRef).toEqual({ name: 'mukti-config', key: 'GATEWAY_API_DOCS' });
  });

  it('has no development defaults anywhere: not the switch, not a Secret, not a development secret value', () => {
    const text = JSON.stringify(rendered);
    // The switch, set to anything but false, in the ConfigMap or a container.
    const switches = rendered.flatMap((r) => {
      const data = r.kind === 'ConfigMap' ? Object.entries((r as IConfigMap).data ?? {}) : [];
      const env = r.kind === 'Deployment' ? ((r as IDeployment).spec?.template.spec?.containers ?? []).flatMap((c) => (c.env ?? []).map((e) => [e.name, e.value ?? 'from elsewhere'])) : [];
      return [...data, ...env].filter(([key, value]) => key.endsWith(DEVELOPMENT_DEFAULTS) && value !== 'false').map(([key]) => `${r.kind}/${r.metadata.name}: ${key}`);
    });
    expect(switches).toEqual([]);
    expect(byKind('Secret')).toEqual([]);
    expect(text).not.toMatch(/replace-me/i);
    const developmentValues = [
      ...Object.values(appConfigs).flatMap((definition) =>
        Object.values(definition.variables as Record<string, { developmentOnlyDefault?: boolean; defaultValue?: string }>)
          .filter((v) => v.developmentOnlyDefault && v.defaultValue)
          .map((v) => v.defaultValue!),
      ),
      ...servicePrincipals.map(developmentKafkaPassword),
    ];
    expect(developmentValues.length).toBeGreaterThan(0);
    expect(developmentValues.filter((value) => text.includes(value))).toEqual([]);
    // Nor the super-user: Strimzi provisions topics and users, so no Job holds its password.
    expect(byKind('Job')).toEqual([]);
  });
});

/** Metric names the code exports, with their label names: read from the source, not from a list here. */
function exportedMetrics(): Map<string, string[]> {
  const metrics = new Map<string, string[]>();
  const labels = (list: string) => [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  for (const file of [...typeScriptSources('libs'), ...typeScriptSources('apps')]) {
    const text = readFileSync(file, 'utf8');
    // metrics.gauge('name', 'help', ['label', ...], ...) and metrics.counterFrom(...)
    for (const m of text.matchAll(/\.(?:gauge|counterFrom)(?:<[^>]*>)?\(\s*'(mukti_[a-z0-9_]+)',\s*'[^']*',\s*\[([^\]]*)\]/g)) metrics.set(m[1], labels(m[2]));
    // new Histogram({ name: 'name', ..., labelNames: [...] })
    for (const m of text.matchAll(/new Histogram(?:<[^>]*>)?\(\{\s*name:\s*'(mukti_[a-z0-9_]+)'[\s\S]*?labelNames:\s*\[([^\]]*)\]/g)) {
      for (const suffix of ['_bucket', '_sum', '_count']) metrics.set(m[1] + suffix, [...labels(m[2]), ...(suffix === '_bucket' ? ['le'] : [])]);
    }
  }
  // prom-client's process and Node.js metrics (collectDefaultMetrics), read from its own source.
  const defaults = join(dirname(require.resolve('prom-client/package.json')), 'lib', 'metrics');
  for (const file of readdirSync(defaults).filter((name) => name.endsWith('.js'))) {
    for (const m of readFileSync(join(defaults, file), 'utf8').matchAll(/'((?:process|nodejs)_[a-z0-9_]+)'/g)) metrics.set(m[1], []);
  }
  return metrics;
}

/** Labels every scraped series carries besides its own: the prometheus-operator's target labels. */
const targetLabels = ['namespace', 'job', 'service', 'pod', 'container', 'endpoint', 'instance', 'exported_service'];

/** Each metric a PromQL expression names, with the label keys it selects on. */
function metricsIn(expr: string): { metric: string; labels: string[] }[] {
  const found: { metric: string; labels: string[] }[] = [];
  for (const m of expr.matchAll(/\b([a-z_:][a-z0-9_:]*)\s*(\{[^}]*\})?/g)) {
    const [, name, selector] = m;
    if (!/^(mukti|process|nodejs)_/.test(name) && name !== 'up') continue;
    found.push({ metric: name, labels: [...(selector ?? '').matchAll(/([a-z_]+)\s*(?:=~|!~|!=|=)/g)].map((l) => l[1]) });
  }
  return found;
}

describe('k8s/overlays/production monitoring', () => {
  const exported = exportedMetrics();
  const rules = byKind<{ spec: { groups: { name: string; rules: { alert?: string; expr: string; labels?: Record<string, string> }[] }[] } }>('PrometheusRule').flatMap((r) =>
    r.spec.groups.flatMap((g) => g.rules),
  );
  const dashboards = byKind<IConfigMap>('ConfigMap').filter((cm) => cm.metadata?.labels?.grafana_dashboard === '1');
  const panels = dashboards.flatMap((cm) =>
    Object.values(cm.data ?? {}).flatMap((json) => (JSON.parse(json) as { panels: { title: string; targets?: { expr: string }[] }[] }).panels),
  );
  const queries = [
    ...rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })),
    ...panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel ${p.title}`, expr: t.expr }))),
    ...byKind<{ metadata: { name: string }; spec: { triggers: { metadata: { query?: string } }[] } }>('ScaledObject').flatMap((so) =>
      so.spec.triggers.map((t) => ({ where: `ScaledObject ${so.metadata.name}`, expr: t.metadata.query ?? '' })),
    ),
  ];

  it('finds the metrics the code exports (sanity of the reading)', () => {
    expect([...exported.keys()]).toEqual(
      expect.arrayContaining(['mukti_consumer_lag_messages', 'mukti_dead_letters_messages', 'mukti_outbox_oldest_pending_age_seconds', 'mukti_http_request_duration_seconds_count']),
    );
    expect(exported.get('mukti_consumer_lag_messages')).toEqual(['group', 'topic', 'partition']);
  });

  it('queries only metrics the code exports, by labels they carry', () => {
    const problems = queries.flatMap(({ where, expr }) => {
      const used = metricsIn(expr);
      if (used.length === 0) return [`${where}: names no metric`];
      return used.flatMap(({ metric, labels }) => {
        if (metric === 'up') return [];
        const known = exported.get(metric);
        if (!known) return [`${where}: ${metric} is not exported by the services`];
        return labels.filter((l) => !known.includes(l) && !targetLabels.includes(l)).map((l) => `${where}: ${metric} has no label ${l}`);
      });
    });
    expect(queries.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('alerts on consumer lag, outbox age, set-aside commits, dead letters and unscrapable services', () => {
    const alerting = (metric: string) => rules.filter((r) => r.alert && metricsIn(r.expr).some((m) => m.metric === metric)).map((r) => r.alert);
    for (const metric of ['mukti_consumer_lag_messages', 'mukti_outbox_oldest_pending_age_seconds', 'mukti_outbox_set_aside_commits', 'mukti_dead_letters_messages', 'up']) {
      expect({ metric, alerts: alerting(metric).length > 0 }).toEqual({ metric, alerts: true });
    }
    expect(rules.filter((r) => !['warning', 'critical'].includes(r.labels?.severity ?? ''))).toEqual([]);
  });

  it('ships a Grafana dashboard (grafana_dashboard label) with a panel on each exported mukti_ metric', () => {
    expect(dashboards).toHaveLength(1);
    const charted = new Set(panels.flatMap((p) => (p.targets ?? []).flatMap((t) => metricsIn(t.expr).map((m) => m.metric.replace(/_(bucket|sum|count)$/, '')))));
    const muktiMetrics = [...new Set([...exported.keys()].filter((m) => m.startsWith('mukti_')).map((m) => m.replace(/_(bucket|sum|count)$/, '')))];
    expect(muktiMetrics.filter((m) => !charted.has(m))).toEqual([]);
  });
});

describe('k8s/overlays/production Strimzi resources', () => {
  const committed = readYamlDocuments(`${OVERLAY}/strimzi.yaml`) as Record<string, unknown>[];
  const settings = (): StrimziSettings => {
    const data = config();
    const groups = Object.fromEntries(
      Object.keys(topicConsumers).map((service) => [service, data[`${service.toUpperCase()}_CONSUMER_GROUP`] ?? topicConsumers[service as ServicePrincipal]!.group]),
    );
    return {
      cluster: /^([a-z0-9-]+)-kafka-bootstrap[.:]/.exec(data.KAFKA_BROKERS)?.[1] ?? `(KAFKA_BROKERS ${data.KAFKA_BROKERS} is no Strimzi bootstrap)`,
      partitions: Number(data.KAFKA_TOPIC_PARTITIONS),
      replicationFactor: Number(data.KAFKA_TOPIC_REPLICATION_FACTOR),
      groups,
    };
  };
  type Topic = { metadata: { name: string; labels: Record<string, string> }; spec: { topicName: string; partitions: number; replicas: number; config: Record<string, string> } };
  type User = {
    metadata: { name: string; labels: Record<string, string> };
    spec: {
      authentication: { type: string; password?: { valueFrom: { secretKeyRef: { name: string; key: string } } } };
      authorization: { type: string; acls: { resource: { type: string; name: string; patternType: string }; operations: string[]; host: string }[] };
    };
  };
  const topicsOf = () => committed.filter((r) => r.kind === 'KafkaTopic') as unknown as Topic[];
  const usersOf = () => committed.filter((r) => r.kind === 'KafkaUser') as unknown as User[];

  it('is what tools/deploy/strimzi.mjs generates from the declaration and the production config (run it after changing either)', () => {
    expect(committed).toEqual(strimziResources(settings()));
    const check = spawnSync(process.execPath, [repoPath('tools/deploy/strimzi.mjs'), '--check'], { encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('is part of the overlay, in the Strimzi cluster KAFKA_BROKERS names', () => {
    const cluster = settings().cluster;
    for (const r of committed as { kind: string; metadata: { name: string; labels: Record<string, string> } }[]) {
      expect({ resource: `${r.kind}/${r.metadata.name}`, cluster: r.metadata.labels['strimzi.io/cluster'], rendered: named(r.kind, r.metadata.name) !== undefined }).toEqual({
        resource: `${r.kind}/${r.metadata.name}`,
        cluster,
        rendered: true,
      });
    }
  });

  it('has every topic provisioning creates, with the partitions and replicas of the config, kept as the services demand at start', () => {
    const { partitions, replicationFactor, groups } = settings();
    expect(topicsOf().map((t) => t.spec.topicName).sort()).toEqual([...new Set(provisionedTopics(groups))].sort());
    for (const topic of topicsOf()) {
      const c = topic.spec.config;
      expect({ topic: topic.spec.topicName, partitions: topic.spec.partitions, replicas: topic.spec.replicas }).toEqual({ topic: topic.spec.topicName, partitions, replicas: replicationFactor });
      expect(unsafeTopicSettings({ 'retention.ms': c['retention.ms'], 'retention.bytes': c['retention.bytes'], 'cleanup.policy': c['cleanup.policy'] })).toEqual([]);
      expect(c['retention.ms']).toBe('-1');
    }
  });

  it('gives each service principal, and the analyst, a SCRAM-SHA-512 user with exactly the declared ACLs and no super-user', () => {
    const { groups } = settings();
    const data = config();
    const declared = (acls: KafkaAcl[]) =>
      acls.map((a) => `${a.resourceType} ${a.patternType === 'prefixed' ? 'prefix' : 'literal'} ${a.resourceName} ${{ read: 'Read', write: 'Write', 'describe-configs': 'DescribeConfigs' }[a.operation]}`).sort();
    const granted = (user: User) =>
      user.spec.authorization.acls.flatMap((rule) => rule.operations.map((op) => `${rule.resource.type} ${rule.resource.patternType} ${rule.resource.name} ${op}`)).sort();
    expect(usersOf().map((u) => u.metadata.name).sort()).toEqual([...servicePrincipals, 'analyst'].sort());
    for (const user of usersOf()) {
      expect(user.spec.authentication.type).toBe('scram-sha-512');
      expect(user.spec.authorization.type).toBe('simple');
      expect(user.spec.authorization.acls.every((rule) => rule.host === '*')).toBe(true);
      const service = user.metadata.name as ServicePrincipal;
      const acls = user.metadata.name === 'analyst' ? analystAcls() : kafkaAclsOf(service, groups[service]);
      expect({ user: user.metadata.name, acls: granted(user) }).toEqual({ user: user.metadata.name, acls: declared(acls) });
      if (user.metadata.name === 'analyst') continue;
      // The name the service logs in with, and the password from its own Secret, the key it reads.
      expect(data[`${service.toUpperCase()}_KAFKA_SASL_USERNAME`]).toBe(service);
      expect(user.spec.authentication.password?.valueFrom.secretKeyRef).toEqual({ name: `${service}-secrets`, key: 'KAFKA_SASL_PASSWORD' });
    }
  });
});
