import type { AddressInfo } from 'node:net';
import { Controller, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import request from 'supertest';
import { commonVariables, defineConfig } from '@mukti/config';
import { testLogger } from '@mukti/testing';
import { createServiceApp, requestLogging, startServiceApp } from './service-app';

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

@Controller('notes')
class NotesController {
  /** A change whose handler never reads the request context (nor, so, its Idempotency-Key). */
  @Post()
  @HttpCode(204)
  write(): void {}
}

@Module({ controllers: [NotesController] })
class NotesModule {}

describe('what every service refuses before any handler runs', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createServiceApp({ module: NotesModule, imports: [requestLogging(testLogger())] }, { logger: testLogger() });
    await app.init();
  });
  afterAll(() => app.close());

  it('a malformed Idempotency-Key, on a handler that does not read it too: a 400 naming the header', async () => {
    const answer = await request(app.getHttpServer()).post('/notes').set('Idempotency-Key', '0').send({}).expect(400);
    expect(answer.body).toMatchObject({ details: [{ field: 'idempotency-key', reason: expect.stringMatching(/8 to 128/) }], requestId: expect.any(String) });
    await request(app.getHttpServer()).post('/notes').set('Idempotency-Key', 'a-good-key-1234').send({}).expect(204);
  });

  it('null as a field value: a 400 naming the field', async () => {
    const answer = await request(app.getHttpServer()).post('/notes').send({ at: null }).expect(400);
    expect(answer.body).toMatchObject({ details: [{ field: 'at', reason: expect.stringMatching(/leave the field out/) }], requestId: expect.any(String) });
  });
});
