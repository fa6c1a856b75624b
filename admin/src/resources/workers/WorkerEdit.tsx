import { Edit, type RaRecord } from 'react-admin';
import { WorkerForm } from './WorkerForm';
import { toWorkerArgs } from './workerRules';

// Pessimistic: the API's field errors (a NIK already registered, an unknown kecamatan) come back into the form.
export const WorkerEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    transform={(data: RaRecord, options?: { previousData?: RaRecord }) => toWorkerArgs(data, options?.previousData ?? data)}
  >
    <WorkerForm />
  </Edit>
);
