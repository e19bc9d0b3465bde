// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderMainConf, renderSiteConf } from '../../deploy/serve-nginx.js';
import { perRequestGzip } from '../../scripts/bench/nginxLoad.js';

// The shape of deploy/nginx.conf that the nginx end-to-end tests rely on but cannot see
// from outside: rule order, and the variants serve-nginx.js and the benchmark render.
const locations = (conf: string) =>
  [...conf.matchAll(/^\s*location\s+([^{]+?)\s*\{/gm)].map((m) => m[1]);

describe('deploy/nginx.conf as rendered', () => {
  it.each([['/'], ['/map/']])(
    'under %s the dotfile rule is the first location, above the .pdf one',
    (base) => {
      const conf = renderSiteConf({ root: '/srv/x', listen: '127.0.0.1:1', base });
      const locs = locations(conf);
      expect(locs[0]).toBe('~ /\\.');
      expect(locs.indexOf('~* \\.pdf$')).toBeGreaterThan(0);
      // No prefix location may skip the regex rules (^~) or answer dotfiles first (=).
      expect(locs.filter((l) => /^(\^~|=)/.test(l))).toEqual([]);
    }
  );

  it('never compresses per request and sends the precompressed copies', () => {
    const conf = renderSiteConf({ root: '/srv/x' });
    expect(conf).toMatch(/^\s*gzip off;$/m);
    expect(conf).toMatch(/^\s*gzip_static on;$/m);
    expect(conf).toMatch(/^\s*brotli_static on;$/m);
    expect(conf).toMatch(/^\s*gzip_vary on;$/m);
    expect(conf).toMatch(/^\s*max_ranges 1;$/m);
  });

  it('without the brotli module: no brotli_static, and the main file loads no module', () => {
    const conf = renderSiteConf({ root: '/srv/x', brotli: false });
    expect(conf).not.toMatch(/^\s*brotli_static/m);
    expect(conf).toMatch(/^\s*gzip_static on;$/m);
    expect(renderMainConf('/tmp/p', '/tmp/p/site.conf', { brotli: false })).not.toMatch(
      /load_module/
    );
    expect(renderMainConf('/tmp/p', '/tmp/p/site.conf')).toMatch(
      /^load_module \/usr\/lib\/nginx\/modules\/ngx_http_brotli_static_module\.so;$/m
    );
  });

  it("the benchmark's before variant compresses per request and nothing else changes", () => {
    const now = renderSiteConf({ root: '/srv/x' });
    const before = perRequestGzip(now);
    expect(before).toMatch(/^\s*gzip on;$/m);
    expect(before).toMatch(/^\s*gzip_static off;$/m);
    expect(before).not.toMatch(/brotli_static/);
    expect(locations(before)).toEqual(locations(now));
  });
});
