import { Create, useNotify, useRedirect, type RaRecord } from 'react-admin';
import { WorkerForm } from './WorkerForm';
import { toWorkerArgs } from './workerRules';

/**
 * Reports a person. When the NIK is already in the registry, createWorker links the clerk's
 * organisation to that person instead of refusing: the clerk is told so, and lands on the person.
 */
export const WorkerCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      transform={(data: RaRecord) => toWorkerArgs(data)}
      mutationOptions={{
        onSuccess: (data: RaRecord) => {
          notify(data.alreadyRegistered ? 'lindung.worker.already_registered' : 'lindung.worker.created', {
            type: data.alreadyRegistered ? 'info' : 'success',
            autoHideDuration: data.alreadyRegistered ? 10_000 : undefined,
          });
          redirect('show', 'Worker', data.id, data);
        },
      }}
    >
      <WorkerForm creating />
    </Create>
  );
};
