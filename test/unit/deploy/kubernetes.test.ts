/**
 * The Kubernetes manifests parse, and agree with each other: names, ports, the worker count and
 * the secret they share.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

type Doc = Record<string, unknown> & { kind: string; metadata: { name: string } };

function load(file: string): Doc[] {
  const text = readFileSync(new URL(`../../../deploy/kubernetes/${file}`, import.meta.url), 'utf8');
  return parseAllDocuments(text).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Doc;
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are untyped YAML; the test walks them.
type Any = any;

const [coordinator, service] = load('coordinator-job.yaml') as Any[];
const [workers] = load('workers-job.yaml') as Any[];
const [secret] = load('secret.yaml') as Any[];

const argValue = (args: string[], flag: string) => args.find((a) => a.startsWith(`${flag}=`))?.split('=')[1];

describe('deploy/kubernetes', () => {
  const coordinatorContainer = coordinator.spec.template.spec.containers[0];
  const workerContainer = workers.spec.template.spec.containers[0];

  it('has the kinds it should', () => {
    expect([coordinator.kind, service.kind, workers.kind, secret.kind]).toEqual([
      'Job',
      'Service',
      'Job',
      'Secret',
    ]);
    expect(workers.spec.completionMode).toBe('Indexed');
  });

  it('points workers at the coordinator Service and port', () => {
    const [host, port] = (argValue(workerContainer.args, '--connect') as string).split(':');
    expect(host).toBe(service.metadata.name);
    expect(Number(port)).toBe(service.spec.ports[0].port);
    const bindPort = Number((argValue(coordinatorContainer.args, '--bind') as string).split(':')[1]);
    expect(coordinatorContainer.ports[0].containerPort).toBe(bindPort);
    expect(service.spec.ports[0].targetPort).toBe(coordinatorContainer.ports[0].name);
  });

  it('selects the coordinator pod with the Service', () => {
    for (const [key, value] of Object.entries(service.spec.selector)) {
      expect(coordinator.spec.template.metadata.labels[key]).toBe(value);
    }
  });

  it('expects as many workers as the worker Job runs', () => {
    const expected = Number(argValue(coordinatorContainer.args, '--expect-workers'));
    expect(workers.spec.completions).toBe(expected);
    expect(workers.spec.parallelism).toBe(expected);
  });

  it('gives both sides the same token from the Secret', () => {
    for (const container of [coordinatorContainer, workerContainer]) {
      const ref = container.env.find((e: Any) => e.name === 'VOLLEY_WORKER_TOKEN').valueFrom.secretKeyRef;
      expect(ref.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData)).toContain(ref.key);
    }
  });

  it('mounts the scenario the coordinator runs', () => {
    const scenario: string = coordinatorContainer.args[1];
    expect(scenario).toMatch(/\.ts$/);
    const mount = coordinatorContainer.volumeMounts.find((m: Any) => scenario.startsWith(m.mountPath));
    expect(mount).toBeDefined();
    const volume = coordinator.spec.template.spec.volumes.find((v: Any) => v.name === mount.name);
    expect(volume.configMap.name).toBe('volley-scenario');
  });
});
