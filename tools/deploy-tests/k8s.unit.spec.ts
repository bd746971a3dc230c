import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret, type ISecret } from 'kubernetes-models/v1/Secret';
import { Service, type IService } from 'kubernetes-models/v1/Service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { appNames, appVariables, portVariable, secretVariables, type AppName } from './app-variables';
import { appsWithEntryPoint, isRecord, readYaml, readYamlDocuments, repoPath, schemaProblems, type KubernetesModel } from './support';

/**
 * k8s/base: every resource is a valid Kubernetes object; every app has a hardened
 * Deployment with probes and resource limits and gets exactly the variables it reads,
 * secrets only from the Secret; Services route to the pods.
 */

const BASE = 'k8s/base';
const NAMESPACE = 'mukti';
const CONFIG_MAP = 'mukti-config';
/** One Secret per service, holding only what it reads. */
const secretOf = (app: string) => `${app}-secrets`;

// Kinds this base may contain, with the model that validates them. Add a row for a new kind.
const models: Record<string, KubernetesModel> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

interface Resource {
  file: string;
  object: Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string } };
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  commonLabels?: Record<string, string>;
  labels?: { pairs?: Record<string, string> }[];
}

function loadBase(): { kustomization: Kustomization; resources: Resource[] } {
  const kustomization = readYaml<Kustomization>(posix.join(BASE, 'kustomization.yaml'));
  if (!isRecord(kustomization) || !Array.isArray(kustomization.resources)) {
    throw new Error(`${BASE}/kustomization.yaml has no "resources" list`);
  }
  const resources = kustomization.resources.flatMap((entry) => {
    const file = posix.join(BASE, entry);
    if (!existsSync(repoPath(file))) throw new Error(`${BASE}/kustomization.yaml lists ${entry}, which does not exist`);
    return readYamlDocuments(file).map((object, i) => {
      if (!isRecord(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || !isRecord(object.metadata) || typeof object.metadata.name !== 'string') {
        throw new Error(`${file}, document ${i + 1}: not a Kubernetes object (apiVersion, kind, metadata.name)`);
      }
      return { file, object: object as Resource['object'] };
    });
  });
  return { kustomization, resources };
}

const { kustomization, resources } = loadBase();

const byKind = <T>(kind: string): T[] => resources.filter((r) => r.object.kind === kind).map((r) => r.object as unknown as T);
const named = <T extends { metadata?: { name?: string } }>(kind: string, name: string): T | undefined =>
  byKind<T>(kind).find((o) => o.metadata?.name === name);

function deploymentOf(app: string): IDeployment {
  const d = named<IDeployment>('Deployment', app);
  if (!d) throw new Error(`no Deployment named ${app} in ${BASE}`);
  return d;
}

function containerOf(app: string): IContainer {
  const containers = deploymentOf(app).spec?.template.spec?.containers ?? [];
  const c = containers.find((x) => x.name === app) ?? (containers.length === 1 ? containers[0] : undefined);
  if (!c) throw new Error(`Deployment ${app} has no container named ${app}`);
  return c;
}

function configKeys(name: string): Record<string, string> {
  const cm = named<IConfigMap>('ConfigMap', name);
  if (!cm) throw new Error(`ConfigMap ${name} is referenced but not in ${BASE}`);
  return { ...(cm.data ?? {}) };
}

function secretKeys(name: string): Record<string, string> {
  const s = named<ISecret>('Secret', name);
  if (!s) throw new Error(`Secret ${name} is referenced but not in ${BASE}`);
  const data = Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
  return { ...data, ...(s.stringData ?? {}) };
}

type Source = { from: 'literal'; value: string } | { from: 'configMap' | 'secret'; name: string; key: string; value: string };

/** What each environment variable of a container resolves to (env wins over envFrom). */
function resolvedEnvironment(c: IContainer): Record<string, Source> {
  const result: Record<string, Source> = {};
  for (const ef of c.envFrom ?? []) {
    const prefix = ef.prefix ?? '';
    if (ef.configMapRef?.name) {
      const name = ef.configMapRef.name;
      for (const [key, value] of Object.entries(configKeys(name))) result[prefix + key] = { from: 'configMap', name, key, value };
    }
    if (ef.secretRef?.name) {
      const name = ef.secretRef.name;
      for (const [key, value] of Object.entries(secretKeys(name))) result[prefix + key] = { from: 'secret', name, key, value };
    }
  }
  for (const e of c.env ?? []) {
    const cmRef = e.valueFrom?.configMapKeyRef;
    const secRef = e.valueFrom?.secretKeyRef;
    if (cmRef) {
      const keys = configKeys(cmRef.name ?? '');
      if (!(cmRef.key in keys)) throw new Error(`${e.name}: ConfigMap ${cmRef.name} has no key ${cmRef.key}`);
      result[e.name] = { from: 'configMap', name: cmRef.name ?? '', key: cmRef.key, value: keys[cmRef.key] };
    } else if (secRef) {
      const keys = secretKeys(secRef.name ?? '');
      if (!(secRef.key in keys)) throw new Error(`${e.name}: Secret ${secRef.name} has no key ${secRef.key}`);
      result[e.name] = { from: 'secret', name: secRef.name ?? '', key: secRef.key, value: keys[secRef.key] };
    } else if (e.valueFrom) {
      throw new Error(`${e.name}: unsupported valueFrom ${JSON.stringify(e.valueFrom)}`);
    } else {
      result[e.name] = { from: 'literal', value: e.value ?? '' };
    }
  }
  return result;
}

function podLabels(app: string): Record<string, string> {
  return deploymentOf(app).spec?.template.metadata?.labels ?? {};
}

function matches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function probeTarget(probe: IProbe | undefined): { path?: string; port?: string | number } {
  return { path: probe?.httpGet?.path, port: probe?.httpGet?.port };
}

function containerPortNumber(c: IContainer, port: string | number | undefined): number | undefined {
  if (typeof port === 'number') return (c.ports ?? []).some((p) => p.containerPort === port) ? port : undefined;
  return (c.ports ?? []).find((p) => p.name === port)?.containerPort;
}

describe('k8s/base', () => {
  it('lists only resources of known kinds, each valid against the Kubernetes schema', () => {
    const objects = resources.map(({ file, object }) => ({ id: `${file}: ${object.kind} ${object.metadata.name}`, object }));
    expect(schemaProblems(objects, models)).toEqual([]);
  });

  it('has no two resources of the same kind and name', () => {
    const ids = resources.map((r) => `${r.object.kind}/${r.object.metadata.name}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it(`puts everything into the ${NAMESPACE} namespace, which it creates`, () => {
    expect(kustomization.namespace).toBe(NAMESPACE);
    expect(named('Namespace', NAMESPACE)).toBeDefined();
    const stray = resources.filter((r) => {
      const ns = (r.object.metadata as { namespace?: string }).namespace;
      return ns !== undefined && ns !== NAMESPACE;
    });
    expect(stray.map((r) => `${r.object.kind}/${r.object.metadata.name}`)).toEqual([]);
  });

  it('labels everything app.kubernetes.io/part-of: mukti', () => {
    const labels = { ...(kustomization.commonLabels ?? {}), ...Object.assign({}, ...(kustomization.labels ?? []).map((l) => l.pairs ?? {})) };
    expect(labels['app.kubernetes.io/part-of']).toBe('mukti');
  });

  it('has a Deployment and a Service for every app with an entry point', () => {
    expect(appsWithEntryPoint().filter((app) => !(appNames as readonly string[]).includes(app))).toEqual([]);
    for (const app of appNames) {
      expect({ app, deployment: named('Deployment', app) !== undefined, service: named('Service', app) !== undefined }).toEqual({
        app,
        deployment: true,
        service: true,
      });
    }
  });

  it("keeps secrets out of the ConfigMap, and gives each service a Secret of its own with only placeholders for what it reads", () => {
    const config = configKeys(CONFIG_MAP);
    const leaked = Object.keys(config).filter((k) => secretVariables.some((s) => k === s || k.endsWith(`_${s}`)));
    expect(leaked).toEqual([]);
    for (const app of appNames) {
      const secret = secretKeys(secretOf(app));
      // Exactly the secrets this service reads, no other service's.
      expect({ app, keys: Object.keys(secret).sort() }).toEqual({ app, keys: appVariables[app].filter((v) => secretVariables.includes(v)).sort() });
      // Real values come from a secret manager or an overlay, never from this repository.
      expect(Object.entries(secret).filter(([, v]) => !/replace-me/i.test(v))).toEqual([]);
    }
    // And the Kafka super-user's, for the provisioning Job alone.
    expect(byKind<ISecret>('Secret').map((s) => s.metadata?.name).sort()).toEqual([...appNames.map(secretOf), 'kafka-provision-secrets'].sort());
    expect(Object.values(secretKeys('kafka-provision-secrets')).filter((v) => !/replace-me/i.test(v))).toEqual([]);
  });

  describe.each(appNames.map((app) => [app]))('%s', (app: AppName) => {
    it('has a Deployment whose selector matches its pods, with the expected replicas and image', () => {
      const d = deploymentOf(app);
      expect(matches(d.spec?.selector.matchLabels, podLabels(app))).toBe(true);
      expect(d.spec?.replicas ?? 1).toBeGreaterThanOrEqual(app === 'gateway' ? 2 : 1);
      expect(containerOf(app).image).toMatch(new RegExp(`^mukti/${app}(:|@|$)`));
    });

    it('probes liveness on /health/live and readiness on /health, on its container port', () => {
      const c = containerOf(app);
      expect(probeTarget(c.livenessProbe).path).toBe('/health/live');
      expect(probeTarget(c.readinessProbe).path).toBe('/health');
      const port = Number(resolvedEnvironment(c)[portVariable[app]]?.value);
      for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe].filter(Boolean)) {
        expect(containerPortNumber(c, probeTarget(probe).port)).toBe(port);
      }
    });

    it('requests and limits CPU and memory', () => {
      const { requests = {}, limits = {} } = containerOf(app).resources ?? {};
      expect(Object.keys(requests).sort()).toEqual(expect.arrayContaining(['cpu', 'memory']));
      expect(Object.keys(limits).sort()).toEqual(expect.arrayContaining(['cpu', 'memory']));
    });

    it('runs non-root, read-only, without privilege escalation or capabilities', () => {
      const pod = deploymentOf(app).spec?.template.spec?.securityContext ?? {};
      const sc = containerOf(app).securityContext ?? {};
      expect(sc.runAsNonRoot ?? pod.runAsNonRoot).toBe(true);
      expect(sc.readOnlyRootFilesystem).toBe(true);
      expect(sc.allowPrivilegeEscalation).toBe(false);
      expect(sc.capabilities?.drop).toContain('ALL');
      expect(sc.capabilities?.add ?? []).toEqual([]);
      // The images use the named user "node"; the kubelet can only check a numeric one.
      expect(sc.runAsUser ?? pod.runAsUser).toBeGreaterThan(0);
    });

    it('does not get Service link variables (they would clash with *_PORT settings)', () => {
      expect(deploymentOf(app).spec?.template.spec?.enableServiceLinks).toBe(false);
    });

    it('gets every variable it reads', () => {
      const env = resolvedEnvironment(containerOf(app));
      expect(appVariables[app].filter((v) => !(v in env))).toEqual([]);
    });

    it('gets secrets from the Secret and everything else from the ConfigMap', () => {
      const env = resolvedEnvironment(containerOf(app));
      const wrong = appVariables[app]
        .filter((v) => v in env)
        .map((v) => ({ variable: v, from: env[v].from, name: 'name' in env[v] ? env[v].name : undefined }))
        .filter(({ variable, from, name }) =>
          secretVariables.includes(variable) ? !(from === 'secret' && name === secretOf(app)) : !(from === 'configMap' && name === CONFIG_MAP),
        );
      expect(wrong).toEqual([]);
    });

    it('gets no secret it does not read', () => {
      const env = resolvedEnvironment(containerOf(app));
      const extra = Object.entries(env)
        .filter(([name, source]) => source.from === 'secret' && !appVariables[app].includes(name))
        .map(([name]) => name);
      expect(extra).toEqual([]);
    });

    it('listens on the port its container declares', () => {
      const c = containerOf(app);
      const port = Number(resolvedEnvironment(c)[portVariable[app]]?.value);
      expect((c.ports ?? []).map((p) => p.containerPort)).toContain(port);
    });

    it('has a ClusterIP Service that routes to its pods on the container port', () => {
      const s = named<IService>('Service', app);
      expect(s).toBeDefined();
      expect(s?.spec?.type ?? 'ClusterIP').toBe('ClusterIP');
      expect(matches(s?.spec?.selector, podLabels(app))).toBe(true);
      const c = containerOf(app);
      const port = Number(resolvedEnvironment(c)[portVariable[app]]?.value);
      const routed = (s?.spec?.ports ?? []).map((p) => containerPortNumber(c, p.targetPort ?? p.port));
      expect(routed).toContain(port);
    });
  });

  it('lets only the gateway reach the services, the ingress reach only the gateway, and nothing else in (NetworkPolicy)', () => {
    const policies = byKind<INetworkPolicy>('NetworkPolicy');
    const denyAll = policies.find((policy) => Object.keys(policy.spec?.podSelector ?? {}).length === 0);
    expect(denyAll?.spec?.policyTypes).toEqual(['Ingress']);
    expect(denyAll?.spec?.ingress ?? []).toEqual([]);
    const allowedInto = (app: string) =>
      policies
        .filter((policy) => policy.spec?.podSelector?.matchLabels?.['app.kubernetes.io/name'] === app)
        .flatMap((policy) => policy.spec?.ingress ?? [])
        .flatMap((rule) => (rule.from ?? []).map((peer) => ({ peer, ports: (rule.ports ?? []).map((port) => port.port) })));
    for (const app of appNames.filter((name) => name !== 'gateway')) {
      const port = Number(configKeys(CONFIG_MAP)[portVariable[app]]);
      const callers = allowedInto(app);
      const expected = app === 'intake' ? ['gateway', 'rehabilitation'] : ['gateway'];
      expect(callers.map(({ peer }) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name']).sort()).toEqual(expected);
      for (const { peer, ports } of callers) {
        expect(peer.namespaceSelector).toBeUndefined();
        expect(ports).toEqual([port]);
      }
    }
    expect(allowedInto('gateway').map(({ peer }) => peer.namespaceSelector?.matchLabels)).toEqual([{ 'mukti.org/ingress': 'true' }]);
  });

  it('gives each service with a database its own database', () => {
    const seen = new Map<string, string>();
    for (const app of appNames.filter((a) => appVariables[a].includes('MONGODB_URI'))) {
      const uri = resolvedEnvironment(containerOf(app)).MONGODB_URI?.value ?? '';
      const db = new URL(uri).pathname.replace(/^\//, '');
      expect({ app, uri, db: db.length > 0, sharedWith: seen.get(db) }).toEqual({ app, uri, db: true, sharedWith: undefined });
      seen.set(db, app);
    }
  });

  it("points gateway at the other services' Services and ports", () => {
    const env = resolvedEnvironment(containerOf('gateway'));
    for (const [variable, target] of [
      ['INTAKE_URL', 'intake'],
      ['PROJECTION_URL', 'projection'],
    ] as const) {
      const url = new URL(env[variable]?.value ?? '');
      const service = named<IService>('Service', url.hostname);
      expect({ variable, service: service?.metadata?.name }).toEqual({ variable, service: target });
      expect((service?.spec?.ports ?? []).map((p) => String(p.port))).toContain(url.port);
    }
  });
});
