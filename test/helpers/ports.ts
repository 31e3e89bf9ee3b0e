/** A loopback port with nothing listening on it: a backend that is down (connection refused). */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
