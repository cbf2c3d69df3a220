import { readFileSync } from 'node:fs';
import { SCHEMA_PATH, schemaDrift } from '../../prisma/schema-drift';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('schema.prisma and the migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('drift');
  });
  afterAll(() => db.drop());

  it('agree: the database built from prisma/migrations is exactly the Prisma schema', async () => {
    expect(await schemaDrift(db.url)).toEqual([]);
  });

  it('a column added to the schema without a migration is reported', async () => {
    const changed = readFileSync(SCHEMA_PATH, 'utf8').replace(
      '  locale           String    @default("id")',
      '  locale           String    @default("id")\n  phone String?',
    );
    expect(await schemaDrift(db.url, changed)).toEqual([
      'column users.phone: in schema.prisma, missing from the migrations',
    ]);
  });

  it('a changed enum and a dropped index are reported', async () => {
    const changed = readFileSync(SCHEMA_PATH, 'utf8')
      .replace('  PPPK\n}', '  PPPK\n  HONORER\n}')
      .replace('  @@index([superiorId])\n', '');
    const drift = await schemaDrift(db.url, changed);
    expect(drift).toContain(
      'enum EmploymentType: values [PNS,PPPK,HONORER] in schema.prisma, [PNS,PPPK] in the migrations',
    );
    expect(drift).toContain('index employees(superior_id): in the migrations, missing from schema.prisma');
  });
});
