/**
 * `npm run audit:verify`: verifies the keyed audit chain and its signed checkpoints in DATABASE_URL with AUDIT_KEY
 * and the anchor file AUDIT_ANCHOR_FILE (both read from the data directory when unset, as `npm start` keeps them),
 * names every tampered entry with the reason, and signs a new checkpoint when the log is intact. Exit code 2 when
 * something was tampered with.
 */
import { join } from 'node:path';
import { useAuditKeyFile } from '../prisma/audit';
import { createPrisma } from '../prisma/client';
import { verifyAuditChain } from '../server/audit/audit-verification';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL belum diatur / is not set');
  process.exit(1);
}
const dataDir = process.env.CAPAIAN_DATA_DIR ?? join(__dirname, '..', '.data');
// The key and the anchor of `npm start`'s installation go together: another key, another anchor.
if (!process.env.AUDIT_KEY && !process.env.AUDIT_ANCHOR_FILE)
  process.env.AUDIT_ANCHOR_FILE = join(dataDir, 'audit-anchor.json');
useAuditKeyFile(dataDir);

const prisma = createPrisma(url);
verifyAuditChain(prisma)
  .then((r) => {
    const at = r.checkpoint
      ? `checkpoint terakhir: ${r.checkpoint.count} entri s.d. #${r.checkpoint.headId}`
      : 'belum ada checkpoint';
    if (r.ok) console.log(`Log audit utuh: ${r.checked} entri diperiksa, ${at} / audit log intact`);
    else {
      console.error(
        `Log audit RUSAK: ${r.problems.length} temuan dari ${r.checked} entri (${at}) / audit log tampered with`,
      );
      for (const p of r.problems) console.error(`  #${p.id} ${p.reason}: ${p.detail}`);
      process.exitCode = 2;
    }
  })
  .catch((err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
