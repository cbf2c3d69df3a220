/** Messages of accounts and roles and of "My account", English; accounts-id.ts has the same keys. */
export const usersResourceEn = {
  name: 'Users & roles |||| Users & roles',
  fields: {
    username: 'Username',
    employeeId: 'Employee',
    'employee.name': 'Employee name',
    roles: 'Roles',
    active: 'Account status',
    calibrationUnitId: 'Calibration unit (with its sub-units)',
    mustChangePassword: 'Must change password',
    q: 'Search name, NIP or username',
  },
};

export const usersEn = {
  active: 'Active',
  inactive: 'Inactive',
  create_help:
    "The username is the employee's NIP. The one-time password is shown once only; the employee must change it at the first sign-in.",
  one_time_title: 'One-time password',
  one_time_help: 'Give this password to %{username}. It is shown only now and must be changed at the first sign-in.',
  copy: 'Copy',
  copied: 'Copied',
  done: 'Done',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  reset_password: 'Reset password',
  reason: 'Reason',
  confirm_deactivate: 'Deactivate the account %{username}? All its sessions end and it can no longer sign in.',
  confirm_reactivate: 'Reactivate the account %{username}?',
  confirm_reset: 'Create a new one-time password for %{username}? The old password stops working.',
  deactivated: 'Account deactivated',
  reactivated: 'Account reactivated',
  roles_saved: 'Roles saved',
  calibrator_help: 'A calibrator takes the calibration tasks of this unit and its sub-units instead of HR.',
};

export const accountEn = {
  title: 'My account',
  change_password: 'Change password',
  must_change:
    'You signed in with a one-time password. Change your password before using Capaian: someone else (an HR admin) has seen it, so it is for the first sign-in only.',
  locked_title: 'Change your password first',
  locked_page:
    'This page opens once you have changed your one-time password. Until then the menu holds only My account (and Logout).',
  locked_menu: 'The other pages open once the password is changed.',
  locked_go: 'Change the password in My account',
  import_create: 'Also create employee accounts (username = NIP) for active employees without one',
  import_column: 'Account',
  import_account_create: 'new account',
  import_account_existing: 'has an account',
  import_account_inactive: 'not active, no account',
  import_dry: 'Accounts: %{created} will be created, %{existing} employees already have one.',
  import_done: 'Accounts: %{created} created, %{existing} employees already have one.',
  import_passwords_once:
    'The one-time passwords are on this page only and can be downloaded once; they are stored nowhere. Hand each to its employee, who must change it at the first sign-in.',
  import_download: 'Download the one-time passwords (CSV)',
  import_downloaded: 'Downloaded: the one-time passwords are no longer on this page.',
  current_password: 'Current password',
  new_password: 'New password',
  confirm_password: 'Repeat the new password',
  policy: 'At least 10 characters, with a letter and a digit, not containing the username or NIP.',
  mismatch: 'The two new passwords differ',
  changed: 'Password changed',
  save: 'Save password',
  language: 'Language',
  username: 'Username',
  roles: 'Roles',
};

export const roleEn = {
  EMPLOYEE: 'Employee',
  HR_ADMIN: 'HR admin',
  AUDITOR: 'Auditor',
  CALIBRATOR: 'Calibrator',
};
