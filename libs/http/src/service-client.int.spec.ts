import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayTimeoutException, ServiceUnavailableException } from '@nestjs/common';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { ServiceTokenIssuer, ServiceTokenVerifier } from '@mukti/security';
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
    const client = new ServiceClient('legal', url, { timeoutMs: 300 });
    const refused = client.send('POST', '/cases', caller, { any: 'thing' });
    await expect(refused).rejects.toBeInstanceOf(GatewayTimeoutException);
    await expect(refused).rejects.toThrow('the outcome is unknown');
  });

  it('answers a service that cannot be reached, or a read that timed out, with 503', async () => {
    await expect(new ServiceClient('legal', `http://127.0.0.1:${await freePort()}`).send('POST', '/cases', caller, {})).rejects.toBeInstanceOf(
      ServiceUnavailableException,
    );
    await expect(new ServiceClient('legal', url, { timeoutMs: 300 }).send('GET', '/cases/1', caller)).rejects.toBeInstanceOf(ServiceUnavailableException);
  });
});

describe('whose token goes to the service', () => {
  let echo: Server;
  let url: string;
  beforeAll(async () => {
    // A service that answers with the authorization it was given.
    echo = createServer((request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ authorization: request.headers.authorization })));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => echo.close(resolve)));

  it("the gateway's: a fresh service token naming the staff member it authenticated, never her own token", async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const base64 = (pem: string) => Buffer.from(pem).toString('base64');
    const client = new ServiceClient('intake', url, { vouchWith: new ServiceTokenIssuer(base64(await exportPKCS8(pair.privateKey))) });
    const staffCaller = { headers: { authorization: 'Bearer her-own-staff-token' }, id: 'request-2', principal: { sub: 'asha', role: 'caseworker' } } as never;
    const { authorization } = await client.send<{ authorization: string }>('GET', '/people/1', staffCaller);
    expect(authorization).not.toContain('her-own-staff-token');
    const verifier = new ServiceTokenVerifier(base64(await exportSPKI(pair.publicKey)));
    await expect(verifier.verify(authorization.replace(/^Bearer /, ''))).resolves.toEqual({ sub: 'asha', role: 'caseworker' });
  });

  it("a service's: the gateway's token it was called with, passed on (it holds no key to speak for anyone)", async () => {
    const { authorization } = await new ServiceClient('intake', url).send<{ authorization: string }>('POST', '/counselling-notes', caller, {});
    expect(authorization).toBe('Bearer x');
  });
});
