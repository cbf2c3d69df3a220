/** The notification bell and the e-mail choice in My account, English; notifications-id.ts has the same keys. */
export const notificationsEn = {
  title: 'Notifications',
  bell: 'Notifications: %{smart_count} unread',
  mark_all_read: 'Mark all as read',
  empty: 'No notifications yet.',
  unread: 'unread',
  email_title: 'E-mail notifications',
  email_label: 'Also send notifications by e-mail',
  email_to: 'E-mails go to %{email}.',
  email_no_address:
    'Your employee record has no e-mail address yet; ask HR to add one. Notifications still show in the bell.',
  email_server_off: 'This server does not send e-mail yet (SMTP_URL is not set); notifications show in the bell.',
  email_saved_on: 'E-mail notifications turned on',
  email_saved_off: 'E-mail notifications turned off; notifications still show in the bell',
};
