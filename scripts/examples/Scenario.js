// What a scenario of the examples suite works with: the page blocks it runs, a
// temporary folder for files, logs, pids and sockets, loopback ports, the servers it
// starts (stopped by their own pid), and checks that each say which blocks they prove.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Debian's interpreter: its python3-* packages are importable only by this one. */
export const PYTHON = '/usr/bin/python3';

/** Process groups of every server started, stopped at exit whatever happens. */
const everyServer = new Set();
process.on('exit', () => {
  for (const pid of everyServer) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

let nextPort = Number(process.env.EXAMPLES_PORT_BASE ?? 5220);
const lastPort = Number(process.env.EXAMPLES_PORT_LAST ?? 5299);
/** Ports a stopped scenario gave back, handed out again before new ones (the range is small). */
const freePorts = [];

/** @typedef {import('./extractExamples.js').Example} Example */
/** @typedef {{ name: string, ok: boolean, blocks: string[], error?: string }} Check */

export class Scenario {
  /**
   * @param {string} name
   * @param {Example[]} blocks the page blocks marked test="name"
   * @param {Example[]} [all] every block of the content, for blocks shared with another scenario
   */
  constructor(name, blocks, all = blocks) {
    this.name = name;
    this.blocks = blocks;
    this.all = all;
    this.dir = mkdtempSync(join(tmpdir(), `dm-example-${name}-`));
    mkdirSync(join(this.dir, 'logs'));
    /** @type {string[]} how each block was run, in words, for the report */
    this.how = [];
    /** @type {Check[]} */
    this.checks = [];
    /** @type {Set<Example>} */
    this.used = new Set();
    /** @type {{ label: string, pid: number }[]} */
    this.started = [];
    /** @type {number[]} the ports this scenario took, given back when it stops */
    this.ports = [];
  }

  /** `file:line (title)` of a block, as failures name it. */
  static where(/** @type {Example} */ b) {
    return `${b.file}:${b.line} (${b.title ?? b.lang})`;
  }

  /** The block with this title; throws, naming the titles there are, if none. */
  block(/** @type {string} */ title) {
    const found = this.blocks.filter((b) => b.title === title);
    if (found.length !== 1)
      throw new Error(
        `${found.length ? 'more than one' : 'no'} block titled "${title}" with test="${this.name}" (found: ${this.blocks.map((b) => Scenario.where(b)).join(', ') || 'none'})`
      );
    this.used.add(found[0]);
    return found[0];
  }

  /** A block another scenario owns (marked test="scenario"), reused here as published. */
  blockOf(/** @type {string} */ scenario, /** @type {string} */ title) {
    const found = this.all.filter((b) => b.test === scenario && b.title === title);
    if (found.length !== 1)
      throw new Error(
        `${found.length ? 'more than one' : 'no'} block titled "${title}" with test="${scenario}"`
      );
    return found[0];
  }

  /** A free loopback port from the suite's range. */
  port() {
    const port = freePorts.shift() ?? (nextPort <= lastPort ? nextPort++ : undefined);
    if (port === undefined)
      throw new Error(`no free port left in ${process.env.EXAMPLES_PORT_BASE ?? 5220}-${lastPort}`);
    this.ports.push(port);
    return port;
  }

  /**
   * The block's text with each `[from, to]` replaced; every `from` must occur, so a page
   * edit cannot quietly leave a substitution (and so a check) without effect.
   * @param {Example} b
   * @param {[string | RegExp, string][]} pairs
   */
  substitute(b, pairs) {
    let text = b.code;
    for (const [from, to] of pairs) {
      const hit = typeof from === 'string' ? text.includes(from) : from.test(text);
      if (!hit)
        throw new Error(
          `${Scenario.where(b)}: expected ${String(from)} in the block, to run it on loopback`
        );
      text =
        typeof from === 'string'
          ? text.split(from).join(to)
          : text.replace(
              new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`),
              to
            );
    }
    this.how.push(
      `${Scenario.where(b)}: ${pairs.length ? `run with ${pairs.map(([f, t]) => `${String(f)} → ${t.replace(this.dir, '$TMP')}`).join(', ')}` : 'run as published'}`
    );
    return text;
  }

  /** Writes a file under the scenario's folder and returns its path. */
  write(/** @type {string} */ rel, /** @type {string} */ text, mode = 0o644) {
    const path = join(this.dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { mode });
    return path;
  }

  /** Fails unless Debian's package provides `path` (a missing package fails, it never skips). */
  need(/** @type {string} */ path, /** @type {string} */ pkg) {
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg}`);
  }

  /**
   * Runs a command to its end; resolves with its exit code and output (never rejects).
   * @param {string} cmd
   * @param {string[]} args
   * @param {{ cwd?: string, env?: Record<string, string>, input?: string, timeout?: number }} [o]
   * @returns {Promise<{ code: number, out: string }>}
   */
  exec(cmd, args, o = {}) {
    return new Promise((resolve) => {
      const child = spawn(cmd, args, {
        cwd: o.cwd ?? this.dir,
        env: { ...process.env, ...o.env },
        stdio: ['pipe', 'pipe', 'pipe']
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), o.timeout ?? 60_000);
      child.on('error', (e) => (out += String(e)));
      // A command that exits before reading its input must not crash the suite (EPIPE).
      child.stdin.on('error', () => {});
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, out });
      });
      child.stdin.end(o.input ?? '');
    });
  }

  /**
   * Starts a long-running server in its own process group, its output in logs/<label>.log.
   * @param {string} label
   * @param {string} cmd
   * @param {string[]} args
   * @param {{ cwd?: string, env?: Record<string, string> }} [o]
   */
  start(label, cmd, args, o = {}) {
    const log = openSync(join(this.dir, 'logs', `${label}.log`), 'a');
    const child = spawn(cmd, args, {
      cwd: o.cwd ?? this.dir,
      env: { ...process.env, ...o.env },
      stdio: ['ignore', log, log],
      detached: true
    });
    child.on('error', () => {});
    if (child.pid) {
      this.started.push({ label, pid: child.pid });
      everyServer.add(child.pid);
    }
    return child;
  }

  /** The end of the log a started server wrote (all of it with `tail` = Infinity). */
  log(/** @type {string} */ label, tail = 1500) {
    try {
      const text = readFileSync(join(this.dir, 'logs', `${label}.log`), 'utf8');
      return tail === Infinity ? text : text.slice(-tail);
    } catch {
      return '';
    }
  }

  /** Waits (up to `ms`) until a started server's log matches `test`; returns the log. */
  async waitForLog(
    /** @type {string} */ label,
    /** @type {(log: string) => boolean} */ test,
    ms = 15_000
  ) {
    const until = Date.now() + ms;
    while (!test(this.log(label, Infinity)) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
    return this.log(label, Infinity);
  }

  /**
   * GET a loopback URL once it answers (servers take a moment to start). node:http, not
   * fetch: fetch may not set the Host header, which virtual hosts and Django check. Over
   * https the certificate is the suite's own self-signed one: it is not verified, and
   * the TLS version is reported as `tls`.
   * @param {string} url
   * @param {{ headers?: Record<string, string>, waitMs?: number }} [o]
   * @returns {Promise<{ status: number, headers: { get(name: string): string | null }, body: string, tls?: string }>}
   */
  async get(url, o = {}) {
    const until = Date.now() + (o.waitMs ?? 15_000);
    let last;
    while (Date.now() < until) {
      try {
        return await new Promise((resolve, reject) => {
          const tlsOptions = {
            rejectUnauthorized: false,
            servername: o.headers?.Host?.split(':')[0]
          };
          const req = (url.startsWith('https:') ? httpsGet : httpGet)(
            url,
            {
              headers: o.headers,
              timeout: 10_000,
              ...(url.startsWith('https:') ? tlsOptions : {})
            },
            (res) => {
              let body = '';
              const tls =
                /** @type {{ getProtocol?: () => string | null }} */ (
                  res.socket
                )?.getProtocol?.() ?? undefined;
              res.setEncoding('utf8');
              res.on('data', (d) => (body += d));
              res.on('end', () => {
                const h = res.headers;
                resolve({
                  status: res.statusCode ?? 0,
                  headers: { get: (n) => [h[n.toLowerCase()]].flat().join(', ') || null },
                  body,
                  ...(tls ? { tls } : {})
                });
              });
            }
          );
          req.on('timeout', () => req.destroy(new Error('timed out')));
          req.on('error', reject);
        });
      } catch (e) {
        last = e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`${url} did not answer: ${/** @type {Error} */ (last)?.message ?? last}`);
  }

  /**
   * Runs one check and records it with the blocks it proves; a thrown error fails it.
   * @param {string} name
   * @param {Example[]} blocks
   * @param {() => Promise<void> | void} fn
   */
  async check(name, blocks, fn) {
    try {
      await fn();
      this.checks.push({ name, ok: true, blocks: blocks.map(Scenario.where) });
    } catch (e) {
      this.checks.push({
        name,
        ok: false,
        blocks: blocks.map(Scenario.where),
        error: /** @type {Error} */ (e).message
      });
    }
  }

  /** Stops every server this scenario started, by its own process group, and gives its ports back. */
  async stop() {
    for (const { pid } of this.started.reverse()) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const { pid } of this.started) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    freePorts.push(...this.ports.splice(0));
  }
}

/** Asserts, with a message naming what was seen. */
export function expectThat(/** @type {boolean} */ ok, /** @type {string} */ message) {
  if (!ok) throw new Error(message);
}
