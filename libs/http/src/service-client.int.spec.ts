import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayTimeoutException, ServiceUnavailableException } from '@nestjs/common';
import { freePort } from '@mukti/testing';
import { ServiceClient } from './service-client';

const caller = { headers: { authorization: 'Bearer x' }, id: 'request-1' } as never;

describe('ServiceClient against a real HTTP server', () => {
  let slow: Server;
  let url: string;
  beforeAll(async () => {
    // A service that takes the request and never answers in time (paused, overloaded).
    slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });

  it('answers a change that timed out with 504 saying its outcome is unknown, not 503', async () => {
    const client = new ServiceClient('legal', url, 300);
    const refused = client.send('POST', '/cases', caller, { any: 'thing' });
    await expect(refused).rejects.toBeInstanceOf(GatewayTimeoutException);
    await expect(refused).rejects.toThrow('the outcome is unknown');
  });

  it('answers a service that cannot be reached, or a read that timed out, with 503', async () => {
    await expect(new ServiceClient('legal', `http://127.0.0.1:${await freePort()}`).send('POST', '/cases', caller, {})).rejects.toBeInstanceOf(
      ServiceUnavailableException,
    );
    await expect(new ServiceClient('legal', url, 300).send('GET', '/cases/1', caller)).rejects.toBeInstanceOf(ServiceUnavailableException);
  });
});
