/** `npm run audit:verify`: recomputes the audit hash chain in DATABASE_URL and names the first tampered entry. */
import { verifyAuditChain } from '../prisma/audit';
import { createPrisma } from '../prisma/client';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL belum diatur / is not set');
  process.exit(1);
}
const prisma = createPrisma(url);
verifyAuditChain(prisma)
  .then((r) => {
    if (r.ok) console.log(`Rantai audit utuh: ${r.checked} entri diperiksa / audit chain intact`);
    else {
      console.error(
        `Rantai audit RUSAK pada entri #${r.firstBroken!.id} (${r.firstBroken!.reason === 'hash' ? 'isi entri diubah' : 'tautan ke entri sebelumnya putus'}) dari ${r.checked} entri`,
      );
      process.exitCode = 2;
    }
  })
  .finally(() => prisma.$disconnect());
