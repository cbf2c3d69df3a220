/** Where the project caches the tools it builds or downloads (an ignored folder). */
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const TOOLS_DIR = process.env.CAPAIAN_TOOLS_DIR ?? join(ROOT, '.tools');
export const TOOLS_BIN = join(TOOLS_DIR, 'bin');
