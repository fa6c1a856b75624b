import { DataTable, List, NumberField, SelectField } from 'react-admin';
import { categoryChoices, programChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';
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
        <NumberField source="percent" options={{ maximumFractionDigits: 3 }} />
      </DataTable.Col>
      <DataTable.Col source="flatAmount">
        <RupiahField source="flatAmount" />
      </DataTable.Col>
      <DataTable.Col source="minimumAmount" disableSort>
        <RupiahField source="minimumAmount" />
      </DataTable.Col>
      <DataTable.Col source="validFrom">
        <LocaleDateField source="validFrom" />
      </DataTable.Col>
      <DataTable.Col source="validTo">
        <LocaleDateField source="validTo" />
      </DataTable.Col>
    </ResponsiveDataTable>
  </List>
);

/** A phone's second line: the percentage (with its minimum) or the flat amount. */
const RateAmount = () => (
  <TextLine>
    <NumberField source="percent" options={{ style: 'decimal', maximumFractionDigits: 3 }} />
    <RupiahField source="flatAmount" />
    <RupiahField source="minimumAmount" />
  </TextLine>
);
