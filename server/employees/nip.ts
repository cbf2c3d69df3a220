/**
 * NIP (Nomor Induk Pegawai): 18 digits = birth date (YYYYMMDD) + appointment year-month (YYYYMM)
 * + sex (1 male, 2 female) + sequence (001–999). Validation returns the reason in Indonesian.
 */
export interface NipParts {
  birthDate: string;
  appointment: string;
  sex: 'M' | 'F';
  sequence: number;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Parses a NIP, or returns the reason it is invalid. */
export function parseNip(
  nip: string,
  today = new Date(),
): { ok: true; parts: NipParts } | { ok: false; reason: string } {
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: 'NIP harus 18 digit angka' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const sex = nip[14];
  const seq = Number(nip.slice(15, 18));
  const thisYear = today.getUTCFullYear();
  if (by < 1940 || !validDate(by, bm, bd))
    return { ok: false, reason: 'tanggal lahir pada NIP (digit 1–8) tidak valid' };
  if (thisYear - by < 17) return { ok: false, reason: 'tanggal lahir pada NIP menunjukkan usia di bawah 17 tahun' };
  if (am < 1 || am > 12 || ay > thisYear || (ay === thisYear && am > today.getUTCMonth() + 1)) {
    return { ok: false, reason: 'TMT pengangkatan pada NIP (digit 9–14) tidak valid' };
  }
  if (ay - by < 17) return { ok: false, reason: 'TMT pengangkatan pada NIP sebelum usia 17 tahun' };
  if (sex !== '1' && sex !== '2') return { ok: false, reason: 'kode jenis kelamin pada NIP (digit 15) harus 1 atau 2' };
  if (seq < 1) return { ok: false, reason: 'nomor urut pada NIP (digit 16–18) tidak boleh 000' };
  return {
    ok: true,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      sex: sex === '1' ? 'M' : 'F',
      sequence: seq,
    },
  };
}
