/**
 * E-mail of notifications through SMTP (nodemailer), after the commit of the step that wrote them. Each mail is
 * claimed by a conditional update of its status (PENDING → SENDING, or a SENDING claim older than STALE_CLAIM_MS),
 * sent, then marked SENT with its message id: a retried activity, a second worker or the sweep finds it claimed or
 * sent and does not send it again. Only a worker that dies between the SMTP answer and the mark can repeat one
 * mail, after the stale claim has expired.
 */
import nodemailer from 'nodemailer';
import type { Prisma, PrismaClient } from '../prisma/client';
import { mailOf } from './notification-texts';

/** SMTP settings of the worker (SMTP_URL, SMTP_FROM, APP_URL). */
export interface MailOptions {
  /** `smtp://host:port` or `smtps://user:pass@host:465`; unset: no e-mail. */
  smtpUrl?: string | null;
  /** Sender, e.g. `Capaian <noreply@bkpsdm.example.go.id>`. */
  from?: string;
  /** The console's address, for the link in each mail. */
  appUrl?: string;
}

/** A mailer bound to the notifications table. */
export interface Mailer {
  deliver(where: Prisma.NotificationWhereInput): Promise<{ sent: number; failed: number }>;
  close(): void;
}

/** Attempts before a mail is given up (FAILED, error kept); the sweep retries until then. */
export const MAX_MAIL_ATTEMPTS = 5;
/** A SENDING claim older than this is taken to be a dead delivery and may be claimed again. */
export const STALE_CLAIM_MS = 5 * 60_000;

/** Creates the SMTP transport (short timeouts: a step never waits long on a mail server). */
export function createMailer(prisma: PrismaClient, options: MailOptions): Mailer {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl!,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  } as any);
  const from = options.from ?? 'Capaian <noreply@capaian.invalid>';
  const appUrl = options.appUrl ?? 'http://127.0.0.1:3000';

  const claim = async (id: number) => {
    const claimed = await prisma.notification.updateMany({
      where: {
        id,
        OR: [
          { mailStatus: 'PENDING' },
          { mailStatus: 'SENDING', mailClaimedAt: { lt: new Date(Date.now() - STALE_CLAIM_MS) } },
        ],
      },
      data: { mailStatus: 'SENDING', mailClaimedAt: new Date(), mailAttempts: { increment: 1 } },
    });
    return claimed.count === 1;
  };

  return {
    async deliver(where) {
      const due = await prisma.notification.findMany({
        where: {
          AND: [
            where,
            {
              OR: [
                { mailStatus: 'PENDING' },
                { mailStatus: 'SENDING', mailClaimedAt: { lt: new Date(Date.now() - STALE_CLAIM_MS) } },
              ],
            },
          ],
        },
        orderBy: { id: 'asc' },
        take: 200,
      });
      let sent = 0;
      let failed = 0;
      for (const n of due) {
        if (!n.mailTo || !(await claim(n.id))) continue;
        const mail = mailOf(n, appUrl);
        try {
          const info = await transport.sendMail({
            from,
            to: n.mailTo,
            subject: mail.subject,
            text: mail.text,
            headers: { 'X-Capaian-Notification': n.key },
          });
          await prisma.notification.update({
            where: { id: n.id },
            data: {
              mailStatus: 'SENT',
              mailSentAt: new Date(),
              mailMessageId: info.messageId ?? null,
              mailError: null,
            },
          });
          sent++;
        } catch (err) {
          failed++;
          const attempts = n.mailAttempts + 1;
          await prisma.notification.update({
            where: { id: n.id },
            data: {
              mailStatus: attempts >= MAX_MAIL_ATTEMPTS ? 'FAILED' : 'PENDING',
              mailError: String((err as Error)?.message ?? err).slice(0, 500),
            },
          });
        }
      }
      return { sent, failed };
    },
    close() {
      transport.close();
    },
  };
}
