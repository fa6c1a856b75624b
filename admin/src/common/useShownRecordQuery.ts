import { useQuery } from '@tanstack/react-query';
import { useRecordContext } from 'react-admin';
import { requestSignedIn } from '../session';

/**
 * A show page's extra read of its record, by id: the data provider leaves nested objects out of
 * its queries, so a nested field is asked for with a query of its own ($id). Read again when the
 * record changes (its updatedAt).
 */
export function useShownRecordQuery<T>(resource: string, part: string, query: string) {
  const record = useRecordContext<{ id: string; updatedAt?: string }>();
  return useQuery({
    queryKey: [resource, part, record?.id, record?.updatedAt],
    queryFn: () => requestSignedIn<T>(query, { id: record!.id }),
    enabled: Boolean(record?.id),
  });
}
