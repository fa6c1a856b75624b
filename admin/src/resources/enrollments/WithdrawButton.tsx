import { DeleteButton, useRecordContext } from 'react-admin';

/**
 * Only a registration not yet confirmed (PENDING) can be withdrawn (deleteEnrollment); a later one
 * is ended by changing its status. Shown to the roles that may delete (canAccess).
 */
export const WithdrawButton = () => {
  const record = useRecordContext<{ status?: string }>();
  if (record?.status !== 'PENDING') return null;
  return <DeleteButton mutationMode="pessimistic" />;
};
