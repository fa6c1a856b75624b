import { DataTable, List, ReferenceField, SelectField } from 'react-admin';
import { categoryChoices } from '../../common/choices';
import { RupiahField } from '../../common/money';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { DayField } from '../workers/registry';
import { EnrollmentStatusField, ProgramsField } from './enrollmentFields';
import { enrollmentFilters } from './enrollmentFilters';

export const EnrollmentList = () => (
  <List filters={enrollmentFilters} sort={{ field: 'startDate', order: 'DESC' }} perPage={25}>
    <ResponsiveDataTable
      rowClick="show"
      bulkActionButtons={false}
      primaryText={<ReferenceField source="workerId" reference="Worker" link={false} />}
      secondaryText={
        <TextLine>
          <ProgramsField chips={false} />
          <SelectField source="category" choices={categoryChoices} />
          <DayField source="startDate" />
          <RupiahField source="monthlyContribution" />
        </TextLine>
      }
      tertiaryText={<EnrollmentStatusField inLine />}
    >
      <DataTable.Col source="workerId" disableSort>
        <ReferenceField source="workerId" reference="Worker" />
      </DataTable.Col>
      <DataTable.Col source="partnerId" disableSort>
        <ReferenceField source="partnerId" reference="PartnerOrganisation" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="category">
        <SelectField source="category" choices={categoryChoices} />
      </DataTable.Col>
      <DataTable.Col source="programs" disableSort>
        <ProgramsField />
      </DataTable.Col>
      <DataTable.Col source="startDate">
        <DayField source="startDate" />
      </DataTable.Col>
      <DataTable.Col source="endDate">
        <DayField source="endDate" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="monthlyContribution">
        <RupiahField source="monthlyContribution" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnrollmentStatusField />
      </DataTable.Col>
    </ResponsiveDataTable>
  </List>
);
