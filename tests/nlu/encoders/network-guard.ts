/**
 * Makes any network attempt of the current process fail loudly and records it, so a test can
 * assert that loading a model "did not even try": `fetch` (undici), and every TCP connection
 * (http, https, node-fetch and undici all end in `net.Socket.prototype.connect`), and DNS lookups.
 */
import dns from 'node:dns';
import net from 'node:net';

export interface NetworkGuard {
  /** What was attempted, in order (`fetch <url>`, `connect <host:port>`, `lookup <host>`). */
  readonly attempts: readonly string[];
  restore(): void;
}

export function installNetworkGuard(): NetworkGuard {
  const attempts: string[] = [];
  const originalFetch = globalThis.fetch;
  const originalConnect = net.Socket.prototype.connect;
  const originalLookup = dns.lookup;
  const refuse = (what: string) => {
    attempts.push(what);
    return new Error(`network access blocked in this test: ${what}`);
  };

  globalThis.fetch = async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // A local file: URL is not the network; everything else is.
    if (url.startsWith('file:')) return originalFetch(input);
    throw refuse(`fetch ${url}`);
  };
  net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
    const [first] = args;
    const target = typeof first === 'object' && first !== null ? JSON.stringify(first) : String(first);
    // IPC pipes to the test runner are paths, not host:port pairs: let them through.
    if (typeof first === 'object' && first !== null && 'path' in first) {
      return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    }
    throw refuse(`connect ${target}`);
  } as typeof net.Socket.prototype.connect;
  dns.lookup = ((hostname: string) => {
    throw refuse(`lookup ${hostname}`);
  }) as unknown as typeof dns.lookup;

  return {
    attempts,
    restore() {
      globalThis.fetch = originalFetch;
      net.Socket.prototype.connect = originalConnect;
      dns.lookup = originalLookup;
    },
  };
}
