import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { seedDemo } from '../../prisma/seed/seed-database';
import { demoPasswordRefusal } from '../../server/config';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('production guard', () => {
  let db: TestDatabase;
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    db = await createTestDatabase('prod');
    await seedDemo(db.prisma);
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    busy.close();
    await db.drop();
  });

  const start = (env: Record<string, string> = {}) =>
    spawnSync(
      process.execPath,
      [
        join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(__dirname, '..', '..', 'server', 'main.ts'),
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: db.url,
          JWT_SECRET: 'x'.repeat(40),
          PORT: String(busyPort),
          LOG_LEVEL: 'silent',
          HOST: '127.0.0.1',
          ...env,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('refuses to start in production while any demo password is in use', async () => {
    const r = start();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kata sandi demo/);
  });

  it('refuses demo passwords on an address the network can reach, whatever NODE_ENV says', async () => {
    // Other addresses (::, a LAN address, a host name) are refused by the same check: see demoPasswordRefusal below.
    const r = start({ NODE_ENV: 'development', HOST: '0.0.0.0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Capaian menolak berjalan di HOST=0.0.0.0');
    expect(r.stderr).toMatch(/kata sandi demo/);
  });

  it('lets demo passwords through on loopback outside production', async () => {
    const r = start({ NODE_ENV: 'development', HOST: '127.0.0.1' });
    expect(r.stderr).not.toMatch(/kata sandi demo/);
    expect(r.stderr).toContain(`Port ${busyPort} sudah dipakai`);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(demoPasswordRefusal({ NODE_ENV: 'development', HOST: host })).toBeNull();
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'capaian.example.go.id'])
      expect(demoPasswordRefusal({ NODE_ENV: 'development', HOST: host })).not.toBeNull();
    expect(demoPasswordRefusal({ NODE_ENV: 'production', HOST: '127.0.0.1' })).not.toBeNull();
  });

  it('gets past the guard once no account uses a demo password', async () => {
    await db.prisma.user.updateMany({ data: { demoPassword: false } });
    const r = start();
    // The port is held by the test: reaching the listen step proves the guard let it through.
    expect(r.stderr).not.toMatch(/kata sandi demo/);
    expect(r.stderr).toContain(`Port ${busyPort} sudah dipakai`);
  });
});
