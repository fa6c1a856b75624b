import AccountIcon from '@mui/icons-material/AccountCircle';
import { CustomRoutes, reactRouterProvider } from 'react-admin';
import { AccountPage } from './AccountPage';
import { PASSWORD_CHANGE_PATH } from './passwordChange';
import { PasswordChangeRequired } from './PasswordChangeRequired';

const { Route } = reactRouterProvider;

/**
 * "My account" as a portal page of its own (`#/Account`, in the menu for every signed-in role; the
 * shared matrix's `Account` entry): no data-provider resource, it reads the caller with `me`.
 */
export default {
  list: AccountPage,
  icon: AccountIcon,
};

/** The forced password change after a reset, outside the layout: nothing else is reachable first. */
export const passwordChangeRoutes = (
  <CustomRoutes noLayout>
    <Route path={PASSWORD_CHANGE_PATH} element={<PasswordChangeRequired />} />
  </CustomRoutes>
);
