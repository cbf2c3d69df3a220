/** `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (offline, no Prisma engine). */
import { migrate } from '../prisma/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL belum diatur / is not set (npm start applies migrations to the embedded database itself).',
  );
  process.exit(1);
}
migrate(url, console.log)
  .then((applied) =>
    console.log(applied.length ? `${applied.length} migrasi diterapkan` : 'Skema sudah mutakhir / up to date'),
  )
  .catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
