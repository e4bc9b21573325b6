/** The pure parts of the gRPC client: status names, error groups, proto paths, channel keys. */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelKey, durationMs, TlsIdentities } from '../../../../src/protocols/grpc/call-settings.js';
import { callerDirectory, frameFile, resolveProtoPath } from '../../../../src/protocols/grpc/proto-path.js';
import { grpcErrorGroup, grpcStatusName } from '../../../../src/protocols/grpc/status-names.js';

describe('gRPC status names and error groups', () => {
  it('names every code gRPC defines, and an unknown code UNKNOWN', () => {
    expect(grpcStatusName(0)).toBe('OK');
    expect(grpcStatusName(4)).toBe('DEADLINE_EXCEEDED');
    expect(grpcStatusName(16)).toBe('UNAUTHENTICATED');
    expect(grpcStatusName(99)).toBe('UNKNOWN');
  });

  it('keeps fixed details in the group and drops details that carry ids, numbers or length', () => {
    expect(grpcErrorGroup(5, 'account is closed')).toBe('NOT_FOUND: account is closed');
    expect(grpcErrorGroup(5, 'account a17 not found')).toBe('NOT_FOUND');
    expect(grpcErrorGroup(5, 'order 3f2a9c1e-0b4d-4c1a-9e55-2b8f0d7c6a11 missing')).toBe('NOT_FOUND');
    expect(grpcErrorGroup(14, '')).toBe('UNAVAILABLE');
    expect(grpcErrorGroup(13, 'x'.repeat(200))).toBe('INTERNAL');
  });
});

describe('proto paths', () => {
  it('reads the file of a stack frame, URL or path, named or not', () => {
    expect(frameFile('    at run (/home/me/load/ledger.ts:12:30)')).toBe('/home/me/load/ledger.ts');
    expect(frameFile('    at file:///home/me/load/.ledger.ts.volley-1-0.mjs:3:4')).toBe('/home/me/load/.ledger.ts.volley-1-0.mjs');
    expect(frameFile('    at new Promise (<anonymous>)')).toBeUndefined();
    expect(frameFile('    at node:internal/process/task_queues:95:5')).toBeUndefined();
  });

  it("takes the first frame outside volley's code as the caller", () => {
    const stack = [
      'Error',
      '    at GrpcUser.client (/opt/volley/dist/protocols/grpc/grpc-user.js:40:20)',
      '    at Object.run (/home/me/load/ledger.ts:12:30)',
      '    at VirtualUser.invoke (/opt/volley/dist/engine/virtual-user.js:200:5)',
    ].join('\n');
    expect(callerDirectory(stack, '/opt/volley/dist/')).toBe('/home/me/load');
    expect(callerDirectory('Error\n    at x (/opt/volley/dist/a.js:1:1)', '/opt/volley/dist/')).toBeUndefined();
  });

  it("resolves beside the caller first, then in the working directory, else says where it looked", () => {
    const caller = mkdtempSync(join(tmpdir(), 'volley-grpc-caller-'));
    const cwd = mkdtempSync(join(tmpdir(), 'volley-grpc-cwd-'));
    writeFileSync(join(caller, 'a.proto'), 'syntax = "proto3";');
    writeFileSync(join(cwd, 'b.proto'), 'syntax = "proto3";');
    const stack = `Error\n    at run (${join(caller, 'scenario.ts')}:1:1)`;
    expect(resolveProtoPath('a.proto', stack, cwd)).toBe(join(caller, 'a.proto'));
    expect(resolveProtoPath('b.proto', stack, cwd)).toBe(join(cwd, 'b.proto'));
    expect(resolveProtoPath(join(cwd, 'b.proto'), '', '/')).toBe(join(cwd, 'b.proto'));
    expect(() => resolveProtoPath('c.proto', stack, cwd)).toThrow(
      `proto file 'c.proto' not found (looked for ${join(caller, 'c.proto')} and ${join(cwd, 'c.proto')})`,
    );
  });
});

describe('call settings', () => {
  it('reads a bare number as seconds, as every volley duration', () => {
    expect(durationMs(2, 'deadline')).toBe(2000);
    expect(durationMs('250ms', 'deadline')).toBe(250);
    expect(() => durationMs('soon', 'deadline')).toThrow(/deadline/);
  });

  it('keeps channels apart by target and TLS settings, the same options object sharing one', () => {
    const ids = new TlsIdentities();
    const certs = { ca: 'pem' };
    const plain = channelKey({ target: 'h:1' }, ids);
    expect(channelKey({ target: 'h:1', tls: false }, ids)).toBe(plain);
    expect(channelKey({ target: 'h:2' }, ids)).not.toBe(plain);
    expect(channelKey({ target: 'h:1', tls: true }, ids)).not.toBe(plain);
    expect(channelKey({ target: 'h:1', insecure: true }, ids)).not.toBe(channelKey({ target: 'h:1', tls: true }, ids));
    expect(channelKey({ target: 'h:1', tls: certs }, ids)).toBe(channelKey({ target: 'h:1', tls: certs }, ids));
    expect(channelKey({ target: 'h:1', tls: certs }, ids)).not.toBe(channelKey({ target: 'h:1', tls: { ca: 'pem' } }, ids));
  });
});
