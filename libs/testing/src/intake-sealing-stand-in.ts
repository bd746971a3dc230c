import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SealedPersonalData } from '@mukti/contracts';

/**
 * Intake's sealing of identifying text, for a service's integration suite that runs without
 * intake: it answers `POST /people/{personId}/identifying-text/sealed` with a stand-in sealed
 * value (keyed by her id, the ciphertext a marker, never the text) and remembers what it was asked
 * to seal, so the suite can check the text went to intake and nowhere else.
 */
export async function startIntakeSealingStandIn(): Promise<{ url: string; requests: { personId: string; kind: string; text: string }[]; close: () => Promise<void> }> {
  const requests: { personId: string; kind: string; text: string }[] = [];
  const server: Server = createServer((request, response) => {
    const match = /^\/people\/([^/]+)\/identifying-text\/sealed$/.exec(request.url ?? '');
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !match) return response.writeHead(404).end();
      const { kind, text } = JSON.parse(body) as { kind: string; text: string };
      requests.push({ personId: match[1], kind, text });
      const sealed: SealedPersonalData = { keyId: match[1], algorithm: 'AES-256-GCM', iv: 'aXY=', ciphertext: Buffer.from(`sealed ${kind} #${requests.length}`).toString('base64'), authTag: 'dGFn' };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sealed));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
