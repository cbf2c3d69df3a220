/**
 * The words of the evaluation document: every stored code (rating, predicate, aspect, unit rating, plan and appeal
 * status) as the form of PermenPANRB 6/2022 writes it, the seven BerAKHLAK core values with their guidance, and dates
 * and rupiah as Indonesian readers write them.
 */
import { MONTH_NAMES_ID } from '../../prisma/month-names';

/** Ratings as the form writes them ("DIATAS EKSPEKTASI/SESUAI EKSPEKTASI/DIBAWAH EKSPEKTASI"). */
export const RATING_WORDS: Record<string, string> = {
  ABOVE: 'Diatas Ekspektasi',
  MEETS: 'Sesuai Ekspektasi',
  BELOW: 'Dibawah Ekspektasi',
};

export const PREDICATE_WORDS: Record<string, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** The superior organisation's rating of a unit (capaian kinerja organisasi). */
export const UNIT_RATING_WORDS: Record<string, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

export const ASPECT_WORDS: Record<string, string> = { QUANTITY: 'Kuantitas', QUALITY: 'Kualitas', TIME: 'Waktu' };

export const PLAN_STATUS_WORDS: Record<string, string> = {
  DRAFT: 'Draf',
  SUBMITTED: 'Diajukan, menunggu persetujuan',
  RETURNED: 'Dikembalikan untuk diperbaiki',
  APPROVED: 'Disetujui',
};

export const APPEAL_WORDS: Record<string, string> = {
  FILED: 'Diajukan, menunggu keputusan atasan pejabat penilai',
  DECIDED: 'Diputus',
  ESCALATED: 'Dieskalasi ke SDM',
  CHANGED: 'Hasil diubah',
  UNCHANGED: 'Hasil tetap',
};

export const REVIEW_SOURCE_WORDS: Record<string, string> = {
  RATER: 'Pejabat penilai kinerja',
  APPEAL: 'Keputusan atas keberatan',
  CALIBRATION: 'Kalibrasi',
};

/** A code in words; an unknown code reads as "-" rather than as the code. */
export function words(map: Record<string, string>, code: string | null | undefined): string {
  return (code && map[code]) || '-';
}

/**
 * The seven BerAKHLAK core values in the order of the regulation, each with the three behaviours of its guidance
 * (panduan perilaku, SE MenPANRB 20/2021) that the form prints beside it.
 */
export const BERAKHLAK: { key: string; name: string; guidance: string[] }[] = [
  {
    key: 'berorientasiPelayanan',
    name: 'Berorientasi Pelayanan',
    guidance: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    key: 'akuntabel',
    name: 'Akuntabel',
    guidance: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    key: 'kompeten',
    name: 'Kompeten',
    guidance: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    key: 'harmonis',
    name: 'Harmonis',
    guidance: [
      'Menghargai setiap orang apa pun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    key: 'loyal',
    name: 'Loyal',
    guidance: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada ' +
        'Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    key: 'adaptif',
    name: 'Adaptif',
    guidance: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  {
    key: 'kolaboratif',
    name: 'Kolaboratif',
    guidance: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
];

/** `23 November 2026` (the date's UTC day: pass a date already shifted to local time). */
export function tanggal(d: Date): string {
  return `${d.getUTCDate()} ${MONTH_NAMES_ID[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const ZONE_LABELS: Record<number, string> = { 7: 'WIB', 8: 'WITA', 9: 'WIT' };

/** A moment in the cycle's local time: the shifted date (read with UTC getters) and the zone's name. */
export function localTime(at: Date, utcOffsetHours: number): { day: Date; label: string; clock: string } {
  const day = new Date(at.getTime() + utcOffsetHours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = ZONE_LABELS[utcOffsetHours] ?? `UTC${utcOffsetHours >= 0 ? '+' : ''}${utcOffsetHours}`;
  return { day, label: zone, clock: `${pad(day.getUTCHours())}.${pad(day.getUTCMinutes())} ${zone}` };
}

/** `Rp5.250.000` (integer rupiah, dots as thousands separators). */
export function rupiah(n: number): string {
  return `Rp${Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** `42,5%` (one decimal, comma as the decimal sign). */
export function persen(n: number): string {
  return `${(Math.round(n * 10) / 10).toFixed(1).replace('.', ',')}%`;
}
