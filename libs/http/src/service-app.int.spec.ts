import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { commonVariables, defineConfig } from '@mukti/config';
import { testLogger } from '@mukti/testing';
import { requestLogging, startServiceApp } from './service-app';

@Module({})
class NothingModule {}

it('listens only on the interface configured: the loopback unless BIND_ADDRESS says otherwise', async () => {
  const { BIND_ADDRESS } = defineConfig('test', commonVariables).load({});
  expect(BIND_ADDRESS).toBe('127.0.0.1');
  const app = await startServiceApp({ module: NothingModule, imports: [requestLogging(testLogger())] }, { logger: testLogger(), port: 0, host: BIND_ADDRESS });
  try {
    expect((app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
  } finally {
    await app.close();
  }
});
