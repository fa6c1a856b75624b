import { Create } from 'react-admin';
import { ProposalForm, toCreateArgs } from './ProposalForm';

// To the proposal's page after saving: there each worker's findings and cost show, as verified.
export const ProposalCreate = () => (
  <Create redirect="show" transform={toCreateArgs}>
    <ProposalForm creating />
  </Create>
);
