import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { categoryChoices, programChoices } from '../../common/choices';
import { DayField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { RupiahField } from '../../common/money';

export const ContributionRateShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="program" choices={programChoices} />
      <SelectField source="category" choices={categoryChoices} />
      <TextField source="bracket" emptyText="—" />
      <LocaleNumberField source="percent" options={{ maximumFractionDigits: 3 }} emptyText="—" />
      <RupiahField source="flatAmount" />
      <RupiahField source="minimumAmount" />
      <RupiahField source="maximumBase" />
      <DayField source="validFrom" />
      <DayField source="validTo" emptyText="—" />
      <TextField source="legalBasis" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
