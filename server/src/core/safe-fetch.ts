import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** Why an outbound fetch was refused or failed; the message names no internal address. */
export class OutboundRefused extends Error {
  constructor(
    readonly reason: 'scheme' | 'credentials' | 'address' | 'dns' | 'redirect' | 'timeout' | 'too_large' | 'network',
    message: string,
  ) {
    super(message);
  }
}

export interface SafeFetchOptions {
  /** Whole request, connect to last byte. */
  timeoutMs: number;
  /** Bytes of body accepted; a longer (or longer-announced) body is refused. */
  maxBytes: number;
  /** Request headers (e.g. a webhook's signature). */
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string | Buffer;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Addresses nobody outside this machine's networks should make us reach. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** Whether `address` (IPv4 or IPv6, IPv4-mapped included) is one the fetcher must not reach. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The one way out for addresses people typed (a live event's cover URL, later webhooks): http(s)
 * only, no credentials in the URL, the host resolved and every address checked, the connection
 * pinned to the checked address (a second DNS answer cannot swap in a private one), redirects
 * refused, a deadline on the whole exchange and a cap on the body.
 */
@Injectable()
export class SafeFetcher {
  private readonly allowPrivate: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allowPrivate = config.outbound.allowPrivate;
  }

  async fetch(address: string, options: SafeFetchOptions): Promise<SafeResponse> {
    const url = parse(address);
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const target = await this.resolve(url.hostname.replace(/^\[|\]$/g, ''));
    return request(url, target, options, deadline);
  }

  /** The address to connect to: the first the name resolves to, when none of its addresses is private. */
  private async resolve(host: string): Promise<{ address: string; family: 4 | 6 }> {
    const literal = isIP(host);
    const found = literal
      ? [{ address: host, family: literal }]
      : await lookup(host, { all: true, verbatim: true }).catch(() => {
          throw new OutboundRefused('dns', `The host ${host} could not be resolved`);
        });
    if (found.length === 0) throw new OutboundRefused('dns', `The host ${host} has no address`);
    if (!this.allowPrivate && found.some((a) => isPrivateAddress(a.address))) {
      throw new OutboundRefused('address', `The host ${host} is on a private or reserved network`);
    }
    return { address: found[0].address, family: found[0].family === 6 ? 6 : 4 };
  }
}

function parse(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new OutboundRefused('scheme', 'Not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused('scheme', 'Only http and https addresses are fetched');
  if (url.username || url.password) throw new OutboundRefused('credentials', 'Addresses carrying credentials are not fetched');
  return url;
}

function request(url: URL, target: { address: string; family: 4 | 6 }, options: SafeFetchOptions, deadline: AbortSignal): Promise<SafeResponse> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        signal: deadline,
        // connect to the address that was checked, whatever DNS says now (TLS still verifies the name)
        lookup: (_host, opts, done) =>
          (opts as { all?: boolean }).all ? (done as (e: null, a: { address: string; family: number }[]) => void)(null, [target]) : done(null, target.address, target.family),
      },
      (res) => {
        if ((res.statusCode ?? 0) >= 300 && (res.statusCode ?? 0) < 400 && res.headers.location) {
          res.destroy();
          reject(new OutboundRefused('redirect', 'Redirects are not followed'));
          return;
        }
        if (Number(res.headers['content-length'] ?? 0) > options.maxBytes) {
          res.destroy();
          reject(new OutboundRefused('too_large', `The response is larger than ${options.maxBytes} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            reject(new OutboundRefused('too_large', `The response is larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (error) => reject(failure(error, deadline)));
      },
    );
    req.on('error', (error) => reject(failure(error, deadline)));
    req.end(options.body);
  });
}

function failure(error: Error, deadline: AbortSignal): Error {
  if (error instanceof OutboundRefused) return error;
  if (deadline.aborted) return new OutboundRefused('timeout', 'The address did not answer in time');
  return new OutboundRefused('network', `The address could not be reached: ${error.message}`);
}
