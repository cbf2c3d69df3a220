-- A colleague's answer to a peer feedback (360) request tells whoever asked (activities/notification.activities.ts).
ALTER TYPE "NotificationKind" ADD VALUE 'PEER_FEEDBACK_ANSWERED';
