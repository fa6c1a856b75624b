import { PROGRAMS } from '@lindung/domain';
import { AutocompleteInput, DateInput, ReferenceInput, SelectInput } from 'react-admin';
import { categoryChoices } from '../../common/choices';
import { choicesOf } from '../workers/registry';
import { enrollmentStatusChoices, fundingSourceChoices } from './enrollmentFields';

const searchByQ = (q: string) => ({ q });
const programChoices = choicesOf(PROGRAMS, 'lindung.program');

export const enrollmentFilters = [
  <SelectInput key="status" source="status" label="resources.Enrollment.filters.status" choices={enrollmentStatusChoices} alwaysOn />,
  <SelectInput key="category" source="category" label="resources.Enrollment.filters.category" choices={categoryChoices} />,
  <SelectInput key="program" source="program" label="resources.Enrollment.filters.program" choices={programChoices} />,
  <SelectInput key="fundingSource" source="fundingSource" label="resources.Enrollment.filters.fundingSource" choices={fundingSourceChoices} />,
  <ReferenceInput key="partnerId" source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="resources.Enrollment.filters.partnerId" optionText="name" filterToQuery={searchByQ} />
  </ReferenceInput>,
  <ReferenceInput key="villageId" source="villageId" reference="Village" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput label="resources.Enrollment.filters.villageId" filterToQuery={searchByQ} />
  </ReferenceInput>,
  <ReferenceInput key="workerId" source="workerId" reference="Worker" sort={{ field: 'fullName', order: 'ASC' }}>
    <AutocompleteInput label="resources.Enrollment.filters.workerId" filterToQuery={searchByQ} />
  </ReferenceInput>,
  <DateInput key="startDateFrom" source="startDateFrom" label="resources.Enrollment.filters.startDateFrom" />,
  <DateInput key="startDateTo" source="startDateTo" label="resources.Enrollment.filters.startDateTo" />,
];
