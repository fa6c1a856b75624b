import InsightsIcon from '@mui/icons-material/Insights';
import { Button, CreateButton, DataTable, FilterButton, LinkBase, List, NumberInput, SelectField, SelectInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../../common/ServerExportButton';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { AwardeeField, categoryChoices, levelChoices, RankField } from './awardFields';

const AwardListActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <FilterButton />
    <Button component={LinkBase} to="/Award/score" label="lindung.award.score.open">
      <InsightsIcon />
    </Button>
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

const filters = [
  <NumberInput key="year" source="year" label="resources.Award.filters.year" step={1} alwaysOn sx={{ maxWidth: '10rem' }} />,
  <SelectInput key="level" source="level" label="resources.Award.filters.level" choices={levelChoices} />,
  <SelectInput key="category" source="category" label="resources.Award.filters.category" choices={categoryChoices} />,
];

export const AwardList = () => {
  const locales = useIntlLocale();
  return (
    <List filters={filters} sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false} actions={<AwardListActions />}>
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        primaryText={<AwardeeField link={false} />}
        secondaryText={
          <TextLine>
            <SelectField source="category" choices={categoryChoices} />
            <SelectField source="level" choices={levelChoices} />
            <RankField />
          </TextLine>
        }
        tertiaryText={(record) => String(record.year)}
      >
        <DataTable.Col source="year" />
        <DataTable.Col source="level">
          <SelectField source="level" choices={levelChoices} />
        </DataTable.Col>
        <DataTable.Col source="category">
          <SelectField source="category" choices={categoryChoices} />
        </DataTable.Col>
        <DataTable.Col source="rank">
          <RankField />
        </DataTable.Col>
        <DataTable.Col source="awardee" label="resources.Award.fields.awardee" disableSort>
          <AwardeeField link={false} />
        </DataTable.Col>
        <DataTable.NumberCol source="score" locales={locales} disableSort />
      </ResponsiveDataTable>
    </List>
  );
};
