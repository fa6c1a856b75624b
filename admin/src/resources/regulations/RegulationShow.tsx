import { EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField, DayField } from '../../common/dates';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const RegulationShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <ReferenceField source="regencyId" reference="Regency" />
      <DayField source="validFrom" format="long" />
      <DayField source="validTo" format="long" emptyText="lindung.regulation.open_ended" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
