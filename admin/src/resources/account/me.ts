import { useEffect, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { graphqlRequest } from '../../graphqlClient';
import { getAccessToken } from '../../session';

export interface Me {
  id: string;
  email: string;
  fullName: string | null;
  role: string;
  regencyId: string | null;
  villageId: string | null;
  partnerId: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
}

const ME = `query Me { me { id email fullName role regencyId villageId partnerId lastLoginAt mustChangePassword } }`;

/** The signed-in account as the API has it now (every role may read itself; not every role may read users). */
export function useMe(): { me: Me | null; error: unknown } {
  const [state, setState] = useState<{ me: Me | null; error: unknown }>({ me: null, error: null });
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  useEffect(() => {
    let current = true;
    getAccessToken()
      .then((accessToken) => graphqlRequest<{ me: Me }>(ME, {}, { accessToken }))
      .then(
        (data) => current && setState({ me: data.me, error: null }),
        (error: unknown) => {
          if (!current) return;
          setState({ me: null, error });
          void logoutIfAccessDenied(error);
        },
      );
    return () => {
      current = false;
    };
  }, [logoutIfAccessDenied]);
  return state;
}
