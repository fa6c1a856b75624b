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
import { DateTimeField } from '../../common/dates';
import { ResponsiveDataTable } from '../../common/ResponsiveDataTable';

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
      <ResponsiveDataTable
        bulkActionButtons={false}
        primaryText={(record) => record.name}
        tertiaryText={<SelectField source="status" choices={partnerStatusChoices} className="RaSimpleList-tertiary" />}
        secondaryText={<SelectField source="type" choices={partnerTypeChoices} />}
      >
        <DataTable.Col source="name" />
        <DataTable.Col source="type">
          <SelectField source="type" choices={partnerTypeChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={partnerStatusChoices} />
        </DataTable.Col>
      </ResponsiveDataTable>
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
      <DateTimeField source="updatedAt" />
      <VillagePartners label="resources.Village.fields.partners" />
    </SimpleShowLayout>
  </Show>
);
