import { CreateButton, DataTable, DateInput, FilterButton, List, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../../common/ServerExportButton';
import { DayField } from '../../common/dates';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { criterionChoices } from '../awards/awardFields';
import { TargetField } from './awardWeightFields';

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

const filters = [
  <SelectInput key="criterion" source="criterion" label="resources.AwardWeight.filters.criterion" choices={criterionChoices} alwaysOn />,
  <DateInput key="inForceOn" source="inForceOn" label="resources.AwardWeight.filters.inForceOn" />,
];

export const AwardWeightList = () => {
  const locales = useIntlLocale();
  return (
    <List filters={filters} sort={{ field: 'validFrom', order: 'DESC' }} perPage={25} exporter={false} actions={<Actions />}>
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        primaryText={<SelectField source="criterion" choices={criterionChoices} />}
        secondaryText={
          <TextLine>
            <DayField source="validFrom" format="long" />
            <TargetField />
          </TextLine>
        }
        tertiaryText={(record) => String(record.weight)}
      >
        <DataTable.Col source="criterion">
          <SelectField source="criterion" choices={criterionChoices} />
        </DataTable.Col>
        <DataTable.NumberCol source="weight" locales={locales} />
        <DataTable.Col source="target">
          <TargetField />
        </DataTable.Col>
        <DataTable.Col source="validFrom">
          <DayField source="validFrom" format="long" />
        </DataTable.Col>
        <DataTable.Col source="validTo">
          <DayField source="validTo" format="long" emptyText="lindung.award_weight.open_ended" />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
