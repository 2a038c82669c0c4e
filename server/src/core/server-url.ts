import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * This server's own URL (loopback and the port it listens on), read from its HTTP server when
 * first needed: the sandbox's WeChat and WeChat Pay live on it, and a sandbox order's payment
 * notification comes back to it. Nothing has to be told the port after `listen`.
 */
@Injectable()
export class ServerUrl {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  get value(): string {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    const address = server?.address() as AddressInfo | string | null | undefined;
    if (!address || typeof address === 'string') throw new Error('This server is not listening yet, so its own URL is unknown');
    return `http://127.0.0.1:${address.port}`;
  }
}
