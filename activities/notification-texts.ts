/**
 * The words of notifications and their e-mails: Bahasa Indonesia first, English beside it. Each names whose appraisal
 * (name and NIP), which cycle and period, and the deadline in the cycle's local time (WIB / WITA / WIT).
 */
import type { NotificationKind } from '../prisma/client';

/** What a notification says, in both languages. */
export interface NotificationTexts {
  title: string;
  titleEn: string;
  body: string;
  bodyEn: string;
}

/** The facts a text is made of (loaded by notification.activities.ts). */
export interface NotificationFacts {
  taskType?: string | null;
  /** The task's own (Indonesian) title, as the workflow wrote it. */
  taskTitle?: string | null;
  employeeName?: string | null;
  nip?: string | null;
  unitName?: string | null;
  cycleName?: string | null;
  periodLabel?: string | null;
  dueAt?: Date | null;
  utcOffsetHours?: number;
  /** The assignee the escalated task was waiting on. */
  assigneeName?: string | null;
  level?: number;
  predicate?: string | null;
  appealWindowDays?: number;
  appealDecision?: string | null;
  appealNote?: string | null;
  /** The sanction's or follow-up's name as its rule gave it (stored on the row), never its code. */
  sanctions?: { code: string; label: string; status: string }[];
  /** Peer feedback: colleagues who have answered, of those asked, for the period. */
  peerAnswered?: number;
  peerAsked?: number;
}

/** English names of the task types (the Indonesian title comes with the task). */
const TASK_EN: Record<string, string> = {
  'plan.submit': 'Draft your performance plan (SKP)',
  'plan.review': 'Review the performance plan',
  'evidence.submit': 'Record realisations and evidence',
  'review.submit': 'Rate work results and behaviour',
  'result.respond': 'Accept the appraisal result or appeal',
  'appeal.decide': 'Decide the appeal against an appraisal result',
  'sanction.decide': 'Confirm or dismiss sanction and follow-up recommendations',
  'calibration.unit': 'Calibrate the unit: the spread of predicates breaks the curve',
  'peer.feedback': "Give feedback on a colleague's work behaviour (BerAKHLAK, 360)",
};

const PREDICATE: Record<string, [string, string]> = {
  SANGAT_BAIK: ['Sangat Baik', 'Outstanding'],
  BAIK: ['Baik', 'Good'],
  BUTUH_PERBAIKAN: ['Butuh Perbaikan', 'Needs improvement'],
  KURANG: ['Kurang', 'Poor'],
  SANGAT_KURANG: ['Sangat Kurang', 'Very poor'],
};

const ZONES: Record<number, [string, string]> = {
  7: ['Asia/Jakarta', 'WIB'],
  8: ['Asia/Makassar', 'WITA'],
  9: ['Asia/Jayapura', 'WIT'],
};

/** A deadline in the cycle's local time, e.g. `31 Maret 2026 23.59 WIB` / `31 March 2026, 23:59 WIB`. */
export function formatDeadline(at: Date, utcOffsetHours = 7, locale: 'id' | 'en' = 'id'): string {
  const [timeZone, label] = ZONES[utcOffsetHours] ?? ['UTC', `UTC${utcOffsetHours >= 0 ? '+' : ''}${utcOffsetHours}`];
  const shifted = ZONES[utcOffsetHours] ? at : new Date(at.getTime() + utcOffsetHours * 3_600_000);
  return `${deadlineFormat(locale, timeZone).format(shifted)} ${label}`;
}

/**
 * One formatter per language and time zone: building an Intl.DateTimeFormat costs far more than formatting with it
 * (in a month-end surge's worker profile this function took 0.9 % of the workers' busy time, building one per text).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function deadlineFormat(locale: 'id' | 'en', timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format)
    formats.set(
      key,
      (format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone,
      })),
    );
  return format;
}

/** "Penilaian Budi (NIP …) · Siklus X · Periode Y" in both languages. */
function about(f: NotificationFacts): [string, string] {
  const id: string[] = [];
  const en: string[] = [];
  if (f.employeeName) {
    id.push(`penilaian ${f.employeeName}${f.nip ? ` (NIP ${f.nip})` : ''}`);
    en.push(`appraisal of ${f.employeeName}${f.nip ? ` (NIP ${f.nip})` : ''}`);
  } else if (f.unitName) {
    id.push(`unit ${f.unitName}`);
    en.push(`unit ${f.unitName}`);
  }
  if (f.cycleName) {
    id.push(`siklus ${f.cycleName}`);
    en.push(`cycle ${f.cycleName}`);
  }
  if (f.periodLabel) {
    id.push(`periode ${f.periodLabel}`);
    en.push(`period ${f.periodLabel}`);
  }
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [cap(id.join(' · ')), cap(en.join(' · '))];
}

function deadline(f: NotificationFacts): [string, string] {
  if (!f.dueAt) return ['', ''];
  return [
    `Batas waktu: ${formatDeadline(f.dueAt, f.utcOffsetHours, 'id')}.`,
    `Deadline: ${formatDeadline(f.dueAt, f.utcOffsetHours, 'en')}.`,
  ];
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** The texts of a notification of `kind` from its facts. */
export function notificationTexts(kind: NotificationKind, f: NotificationFacts): NotificationTexts {
  const [ctxId, ctxEn] = about(f);
  const [dueId, dueEn] = deadline(f);
  const taskId = f.taskTitle ?? f.taskType ?? 'Tugas';
  const taskEn = TASK_EN[f.taskType ?? ''] ?? f.taskType ?? 'Task';
  switch (kind) {
    case 'TASK_OPENED':
      return {
        title: `Tugas baru: ${taskId}`,
        titleEn: `New task: ${taskEn}`,
        body: join(`${ctxId}.`, dueId),
        bodyEn: join(`${ctxEn}.`, dueEn),
      };
    case 'TASK_REMINDER':
      return {
        title: `Pengingat: ${taskId}`,
        titleEn: `Reminder: ${taskEn}`,
        body: join(`${ctxId}.`, dueId, 'Tugas ini belum diselesaikan; selesaikan sekarang.'),
        bodyEn: join(`${ctxEn}.`, dueEn, 'This task is still open; please complete it now.'),
      };
    case 'TASK_ESCALATED': {
      const who = f.assigneeName ? ` oleh ${f.assigneeName}` : '';
      const whoEn = f.assigneeName ? ` by ${f.assigneeName}` : '';
      return {
        title: `Eskalasi: ${taskId}`,
        titleEn: `Escalated: ${taskEn}`,
        body: join(
          `${ctxId}.`,
          dueId,
          `Tugas ini belum diselesaikan${who} dan dieskalasikan kepada Anda (tingkat ${f.level ?? 1}).`,
        ),
        bodyEn: join(
          `${ctxEn}.`,
          dueEn,
          `This task was not completed${whoEn} and has been escalated to you (level ${f.level ?? 1}).`,
        ),
      };
    }
    case 'RESULT_SHARED': {
      const [pId, pEn] = PREDICATE[f.predicate ?? ''] ?? [f.predicate ?? '-', f.predicate ?? '-'];
      const days = f.appealWindowDays ?? 14;
      return {
        title: `Hasil penilaian Anda: ${pId}`,
        titleEn: `Your appraisal result: ${pEn}`,
        body: join(
          `${ctxId}.`,
          `Predikat kinerja: ${pId}. Terima hasilnya atau ajukan keberatan kepada atasan penilai dalam ${days} hari.`,
        ),
        bodyEn: join(
          `${ctxEn}.`,
          `Performance predicate: ${pEn}. Accept it or appeal to your rater's superior within ${days} days.`,
        ),
      };
    }
    case 'APPEAL_DECIDED': {
      const changed = f.appealDecision === 'CHANGED';
      return {
        title: changed ? 'Keberatan Anda dikabulkan: hasil diubah' : 'Keberatan Anda diputuskan: hasil tetap',
        titleEn: changed ? 'Your appeal was upheld: the result changes' : 'Your appeal was decided: the result stands',
        body: join(`${ctxId}.`, f.appealNote ? `Catatan atasan: ${f.appealNote}` : ''),
        bodyEn: join(`${ctxEn}.`, f.appealNote ? `Note of the superior: ${f.appealNote}` : ''),
      };
    }
    case 'SANCTION_DECIDED': {
      const list = f.sanctions ?? [];
      const id = list.map((s) => `${s.label} ${s.status === 'CONFIRMED' ? 'dikukuhkan' : 'dibatalkan'}`).join(', ');
      const en = list.map((s) => `${s.label} ${s.status === 'CONFIRMED' ? 'confirmed' : 'dismissed'}`).join(', ');
      return {
        title: 'Rekomendasi sanksi/tindak lanjut telah diputuskan',
        titleEn: 'Sanction and follow-up recommendations decided',
        body: join(`${ctxId}.`, id ? `Keputusan SDM: ${id}.` : ''),
        bodyEn: join(`${ctxEn}.`, en ? `HR's decision: ${en}.` : ''),
      };
    }
    case 'PEER_FEEDBACK_ANSWERED': {
      const answered = f.peerAnswered ?? 1;
      const asked = f.peerAsked ?? answered;
      return {
        title: `Umpan balik rekan masuk: ${f.employeeName ?? 'penilaian'}`,
        titleEn: `Peer feedback received: ${f.employeeName ?? 'appraisal'}`,
        body: join(
          `${ctxId}.`,
          `${answered} dari ${asked} rekan yang diminta sudah menjawab; jawabannya ada di tab 360 penilaian ini.`,
        ),
        bodyEn: join(
          `${ctxEn}.`,
          `${answered} of the ${asked} colleagues asked have answered; read them in the appraisal's 360 tab.`,
        ),
      };
    }
  }
}

/** The e-mail of a notification: subject in Bahasa Indonesia, body in both languages with a link to the console. */
export function mailOf(
  n: NotificationTexts & { taskId: number | null; appraisalId: number | null },
  appUrl: string,
): { subject: string; text: string } {
  const path = n.taskId ? `#/tasks/${n.taskId}/show` : n.appraisalId ? `#/appraisals/${n.appraisalId}/show` : '#/';
  const link = `${appUrl.replace(/\/$/, '')}/${path}`;
  return {
    subject: `[Capaian] ${n.title}`,
    text: [
      n.title,
      n.body,
      '',
      `(English) ${n.titleEn}`,
      n.bodyEn,
      '',
      `Buka di Capaian / open in Capaian: ${link}`,
      '',
      '--',
      'E-mail ini dikirim oleh Capaian. Berhenti menerima e-mail: Akun Saya → Notifikasi.',
      'Sent by Capaian. To stop these e-mails: My account (Akun Saya) → Notifications.',
    ].join('\n'),
  };
}
