import { DataTable, List, SelectField } from 'react-admin';
import { categoryChoices, programChoices } from '../../common/choices';
import { DayField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { RupiahField } from '../../common/money';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { rateFilters } from './rateFilters';

export const ContributionRateList = () => (
  <List filters={rateFilters} sort={{ field: 'program', order: 'ASC' }} perPage={25}>
    <ResponsiveDataTable
      primaryText={<TextLine><SelectField source="program" choices={programChoices} /><SelectField source="category" choices={categoryChoices} /></TextLine>}
      tertiaryText={(record) => record.bracket ?? ''}
      secondaryText={<RateAmount />}
    >
      <DataTable.Col source="program">
        <SelectField source="program" choices={programChoices} />
      </DataTable.Col>
      <DataTable.Col source="category">
        <SelectField source="category" choices={categoryChoices} />
      </DataTable.Col>
      <DataTable.Col source="bracket" />
      <DataTable.Col source="percent">
        <LocaleNumberField source="percent" options={{ maximumFractionDigits: 3 }} />
      </DataTable.Col>
      <DataTable.Col source="flatAmount">
        <RupiahField source="flatAmount" />
      </DataTable.Col>
      <DataTable.Col source="minimumAmount" disableSort>
        <RupiahField source="minimumAmount" />
      </DataTable.Col>
      <DataTable.Col source="validFrom">
        <DayField source="validFrom" />
      </DataTable.Col>
      <DataTable.Col source="validTo">
        <DayField source="validTo" emptyText="—" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </List>
);

/** A phone's second line: the percentage (with its minimum) or the flat amount. */
const RateAmount = () => (
  <TextLine>
    <LocaleNumberField source="percent" options={{ style: 'decimal', maximumFractionDigits: 3 }} />
    <RupiahField source="flatAmount" />
    <RupiahField source="minimumAmount" />
  </TextLine>
);
