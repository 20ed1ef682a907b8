import { describe, expect, it } from 'vitest';
import { dockerOptions } from '../../farm/runtime/docker.js';
import { endpointEnv, parseEndpoint } from '../../farm/runtime/endpoint.js';

describe('engine URLs', () => {
  it('the local socket by default, a unix socket by path', () => {
    expect(parseEndpoint(undefined)).toEqual({ kind: 'unix', url: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' });
    expect(parseEndpoint('unix:///tmp/se-1/d.sock')).toEqual({ kind: 'unix', url: 'unix:///tmp/se-1/d.sock', socketPath: '/tmp/se-1/d.sock' });
  });

  it('tcp:// is plain on 2375, TLS on 2376 with the cert directory when Docker variables or a cert path ask for it', () => {
    expect(parseEndpoint('tcp://10.0.0.2')).toMatchObject({ kind: 'tcp', host: '10.0.0.2', port: 2375, tls: undefined });
    expect(parseEndpoint('tcp://10.0.0.2:2380', endpointEnv({ DOCKER_TLS_VERIFY: '1', HOME: '/home/op' }))).toMatchObject({
      port: 2380,
      tls: { ca: '/home/op/.docker/ca.pem', cert: '/home/op/.docker/cert.pem', key: '/home/op/.docker/key.pem' },
    });
    expect(parseEndpoint('tcp://builder.lan', { certPath: '/etc/farm/tls' })).toMatchObject({ port: 2376, tls: { ca: '/etc/farm/tls/ca.pem' } });
    expect(parseEndpoint('tcp://[::1]:2375')).toMatchObject({ host: '::1', port: 2375 });
  });

  it('ssh:// names the user, the port (22) and the agent', () => {
    expect(parseEndpoint('ssh://farm@builder.lan', { sshAgent: '/run/agent.sock' })).toEqual({
      kind: 'ssh',
      url: 'ssh://farm@builder.lan',
      host: 'builder.lan',
      port: 22,
      username: 'farm',
      agent: '/run/agent.sock',
    });
    expect(parseEndpoint('ssh://builder.lan:2222')).toMatchObject({ port: 2222, username: undefined });
  });

  it.each(['unix://relative.sock', 'http://builder.lan', 'npipe:////./pipe/docker_engine', 'tcp://'])('refuses %j as a usage error with the forms in its hint', (url) => {
    expect(() => parseEndpoint(url)).toThrow(expect.objectContaining({ code: 'USAGE', hint: expect.stringContaining('ssh://user@host') as unknown }));
  });

  it("dockerode's options leave nothing for docker-modem to take from this process's DOCKER_HOST", () => {
    const unix = dockerOptions(parseEndpoint('unix:///tmp/e2.sock'));
    expect(unix).toMatchObject({ socketPath: '/tmp/e2.sock', protocol: 'http' });
    for (const key of ['host', 'port', 'ca', 'cert', 'key'] as const) {
      expect(Object.keys(unix)).toContain(key);
      expect(unix[key]).toBeUndefined();
    }
    const ssh = dockerOptions(parseEndpoint('ssh://farm@builder.lan:2222', { sshAgent: '/run/agent.sock' }));
    expect(ssh).toMatchObject({ host: 'builder.lan', port: 2222, username: 'farm', protocol: 'ssh', sshOptions: { agent: '/run/agent.sock' }, socketPath: undefined });
    // The agent is SSH_AUTH_SOCK's, as the CLI passes its environment (cli/engine.ts).
    expect(dockerOptions(parseEndpoint('ssh://farm@builder.lan:2222', endpointEnv({ SSH_AUTH_SOCK: '/tmp/ssh-x/agent.1' })))).toMatchObject({
      protocol: 'ssh',
      sshOptions: { agent: '/tmp/ssh-x/agent.1' },
    });
    const read = (path: string): Buffer => Buffer.from(`pem of ${path}`);
    const tls = dockerOptions(parseEndpoint('tcp://builder.lan', { certPath: '/certs' }), read);
    expect(tls).toMatchObject({ host: 'builder.lan', port: 2376, protocol: 'https', ca: Buffer.from('pem of /certs/ca.pem'), key: Buffer.from('pem of /certs/key.pem') });
  });

  it('a TLS engine whose files cannot be read is ENGINE_UNAVAILABLE naming them', () => {
    const missing = (path: string): Buffer => {
      throw new Error(`ENOENT: ${path}`);
    };
    expect(() => dockerOptions(parseEndpoint('tcp://builder.lan', { certPath: '/nowhere' }), missing)).toThrow(
      expect.objectContaining({ code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining('/nowhere/ca.pem') as unknown }),
    );
  });
});
