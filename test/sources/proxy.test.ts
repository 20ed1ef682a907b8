import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { bypassesProxy, parseNoProxy } from '../../farm/sources/no-proxy.js';
import { anyProxy, proxyFor, proxyRoutes } from '../../farm/sources/index.js';
import { parseProxyUrl } from '../../farm/validate/proxy-url.js';

const via = (url: string, env: Record<string, string>, mirrors: { url: string; proxy: string }[] = []): string | undefined =>
  proxyFor(new URL(url), proxyRoutes(env, mirrors))?.href;

describe('NO_PROXY', () => {
  const rules = parseNoProxy(' example.org, .corp.test ,*.lan,10.0.0.1, mirror.local:8080, [::1]:3128 ,,');

  it.each([
    ['http://example.org/a', true],
    ['https://dl.example.org/a', true],
    ['https://notexample.org/a', false],
    ['http://x.corp.test/', true],
    ['http://corp.test/', true],
    ['http://box.lan/', true],
    ['http://10.0.0.1/', true],
    ['http://10.0.0.10/', false],
    ['http://mirror.local:8080/', true],
    ['http://mirror.local/', false],
    ['http://[::1]:3128/', true],
    ['http://[::1]/', false],
    ['https://EXAMPLE.ORG/', true],
  ])('%s bypasses the proxy: %s', (url, bypass) => {
    expect(bypassesProxy(new URL(url), rules)).toBe(bypass);
  });

  it('"*" bypasses every host; an empty variable bypasses none', () => {
    expect(bypassesProxy(new URL('https://anything.example/'), parseNoProxy('*'))).toBe(true);
    expect(parseNoProxy('')).toEqual([]);
    expect(parseNoProxy(undefined)).toEqual([]);
  });
});

describe('proxy routes from the environment and default.lua', () => {
  it('http:// and https:// URLs each take their own variable; lower case wins over upper case', () => {
    const env = { HTTP_PROXY: 'http://upper:1', http_proxy: 'http://lower:2', HTTPS_PROXY: 'tunnel:3128' };
    expect(via('http://origin.test/f', env)).toBe('http://lower:2/');
    expect(via('https://origin.test/f', env)).toBe('http://tunnel:3128/');
    expect(via('https://origin.test/f', { HTTP_PROXY: 'http://p:1' })).toBeUndefined();
  });

  it('NO_PROXY (or no_proxy) sends a host direct; an empty variable is unset', () => {
    expect(via('https://direct.test/f', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'direct.test' })).toBeUndefined();
    expect(via('https://direct.test/f', { HTTPS_PROXY: 'http://p:1', no_proxy: '*' })).toBeUndefined();
    expect(via('https://direct.test/f', { HTTPS_PROXY: '  ' })).toBeUndefined();
    expect(anyProxy(proxyRoutes({ HTTPS_PROXY: '' }))).toBe(false);
  });

  it("a mirror's proxy covers its scheme, host and port, and wins over the environment and NO_PROXY", () => {
    const mirrors = [{ url: 'http://mirror.i2p/sources/', proxy: 'http://127.0.0.1:4444/' }];
    const env = { HTTP_PROXY: 'http://corp:3128', NO_PROXY: 'mirror.i2p' };
    expect(via('http://mirror.i2p/other/x.tar.gz', env, mirrors)).toBe('http://127.0.0.1:4444/');
    // Another port is another origin: the environment decides, and NO_PROXY sends it direct.
    expect(via('http://mirror.i2p:8080/x.tar.gz', env, mirrors)).toBeUndefined();
    expect(via('http://mirror.i2p:8080/x.tar.gz', { HTTP_PROXY: 'http://corp:3128' }, mirrors)).toBe('http://corp:3128/');
    expect(via('http://upstream.test/x.tar.gz', env, mirrors)).toBe('http://corp:3128/');
    expect(anyProxy(proxyRoutes({}, mirrors))).toBe(true);
  });

  it('a proxy variable that is no plain HTTP proxy is CONFIG_INVALID naming the variable, only when a download would use it', () => {
    const env = { https_proxy: 'socks5://127.0.0.1:9050' };
    expect(via('http://origin.test/', env)).toBeUndefined();
    let error: unknown;
    try {
      via('https://origin.test/', env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FarmError);
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/^https_proxy: "socks5:\/\/127\.0\.0\.1:9050" is a socks5:\/\/ proxy/) as unknown,
    });
  });

  it.each([
    ['http://127.0.0.1:4444', 'http://127.0.0.1:4444/'],
    ['proxy.corp:3128', 'http://proxy.corp:3128/'],
    ['http://user:p%40ss@proxy:8080/', 'http://user:p%40ss@proxy:8080/'],
  ])('accepts the proxy %j', (value, href) => {
    expect(parseProxyUrl(value)).toMatchObject({ url: { href } });
  });

  it.each([
    ['https://proxy:443', /https:\/\/ proxy/],
    ['http://proxy:3128/path', /has a path/],
    ['http://', /not a proxy address/],
  ])('refuses the proxy %j', (value, why) => {
    expect(parseProxyUrl(value)).toMatchObject({ why: expect.stringMatching(why) as unknown });
  });
});
