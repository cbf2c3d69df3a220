/**
 * The words of notifications (activities/notification-texts.ts) for the kinds no workflow test reads in full: HR's
 * decision on sanctions names each recommendation as its rule did, never by its code; a colleague's answer to a peer
 * feedback request counts the answers and names no colleague.
 */
import { notificationTexts } from '../../activities/notification-texts';

const about = {
  employeeName: 'Siti Rahmawati',
  nip: '198701012010012001',
  cycleName: 'Penilaian Kinerja 2026',
  periodLabel: 'Triwulan I 2026',
};

describe('notification texts', () => {
  it('names the decided sanctions by their words, in both languages', () => {
    const texts = notificationTexts('SANCTION_DECIDED', {
      ...about,
      sanctions: [
        { code: 'TEGURAN_LISAN', label: 'Teguran lisan', status: 'CONFIRMED' },
        { code: 'PERBAIKAN_KINERJA_6_BULAN', label: 'Perbaikan kinerja 6 bulan', status: 'DISMISSED' },
      ],
    });
    expect(texts.title).toBe('Rekomendasi sanksi/tindak lanjut telah diputuskan');
    expect(texts.body).toBe(
      'Penilaian Siti Rahmawati (NIP 198701012010012001) · siklus Penilaian Kinerja 2026 · periode Triwulan I 2026. ' +
        'Keputusan SDM: Teguran lisan dikukuhkan, Perbaikan kinerja 6 bulan dibatalkan.',
    );
    expect(texts.bodyEn).toMatch(/HR's decision: Teguran lisan confirmed, Perbaikan kinerja 6 bulan dismissed\.$/);
    expect(`${texts.body} ${texts.bodyEn}`).not.toMatch(/TEGURAN_LISAN|PERBAIKAN_KINERJA/);
  });

  it('counts the peer answers', () => {
    const texts = notificationTexts('PEER_FEEDBACK_ANSWERED', { ...about, peerAnswered: 2, peerAsked: 3 });
    expect(texts).toEqual({
      title: 'Umpan balik rekan masuk: Siti Rahmawati',
      titleEn: 'Peer feedback received: Siti Rahmawati',
      body:
        'Penilaian Siti Rahmawati (NIP 198701012010012001) · siklus Penilaian Kinerja 2026 · periode Triwulan I 2026. ' +
        '2 dari 3 rekan yang diminta sudah menjawab; jawabannya ada di tab 360 penilaian ini.',
      bodyEn:
        'Appraisal of Siti Rahmawati (NIP 198701012010012001) · cycle Penilaian Kinerja 2026 · period Triwulan I 2026. ' +
        "2 of the 3 colleagues asked have answered; read them in the appraisal's 360 tab.",
    });
  });
});
