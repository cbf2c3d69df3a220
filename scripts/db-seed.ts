/** `npm run db:seed [-- --employees N]`: seeds the demo city into DATABASE_URL (idempotent). */
import { join } from 'node:path';
import { useAuditKeyFile } from '../prisma/audit';
import { createPrisma } from '../prisma/client';
import { seedDemo } from '../prisma/seed/seed-database';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL belum diatur / is not set');
  process.exit(1);
}
// The seed writes audit entries: keyed with AUDIT_KEY, or the key `npm start` keeps in the data directory.
useAuditKeyFile(process.env.CAPAIAN_DATA_DIR ?? join(__dirname, '..', '.data'), true);
const i = process.argv.indexOf('--employees');
const employees = i > 0 ? Number(process.argv[i + 1]) : undefined;
const prisma = createPrisma(url);
seedDemo(prisma, { employees })
  .then((r) =>
    console.log(
      r.created ? `Dibuat: ${r.units} unit, ${r.employees} pegawai` : 'Data sudah ada; tidak ada yang diubah',
    ),
  )
  .catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
