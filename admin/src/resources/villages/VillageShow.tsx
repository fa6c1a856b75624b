import {
  DataTable,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
} from 'react-admin';
import { partnerStatusChoices, partnerTypeChoices, villageTypeChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';

/** The partner organisations based in the village, for the roles that may read them. */
const VillagePartners = (props: { label?: string }) => {
  const { canAccess } = useCanAccess({ resource: 'PartnerOrganisation', action: 'list' });
  if (!canAccess) return null;
  return (
    <ReferenceManyField
      {...props}
      reference="PartnerOrganisation"
      target="villageId"
      sort={{ field: 'name', order: 'ASC' }}
      perPage={10}
      pagination={<Pagination />}
    >
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="type">
          <SelectField source="type" choices={partnerTypeChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={partnerStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};

export const VillageShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="type" choices={villageTypeChoices} />
      <ReferenceField source="districtId" reference="District" />
      <ReferenceField source="regencyId" reference="Regency" />
      <LocaleDateField source="updatedAt" showTime />
      <VillagePartners label="resources.Village.fields.partners" />
    </SimpleShowLayout>
  </Show>
);
