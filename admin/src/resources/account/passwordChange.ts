import { requestSignedIn } from '../../session';

/**
 * The forced password change after an administrator reset (no react-admin here: the auth provider,
 * which the small sign-in entry loads too, uses these).
 */
export const PASSWORD_CHANGE_PATH = '/change-password';

/** Takes the portal (a hash-routed react-admin) to the forced password change, unless it is there. */
export function goToPasswordChange(): void {
  const target = `#${PASSWORD_CHANGE_PATH}`;
  if (window.location.hash !== target) window.location.hash = target;
}

const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

/** Changes the signed-in account's password; this session continues, the account's other ones end. */
export async function requestPasswordChange(currentPassword: string, newPassword: string): Promise<void> {
  await requestSignedIn<{ changePassword: boolean }>(CHANGE_PASSWORD, { currentPassword, newPassword });
}
