import { NumberField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { categoryChoices, programChoices } from '../../common/choices';
import { LocaleDateField } from '../../common/fields';
import { RupiahField } from '../../common/money';

export const ContributionRateShow = () => (
  <Show>
    <SimpleShowLayout>
      <SelectField source="program" choices={programChoices} />
      <SelectField source="category" choices={categoryChoices} />
      <TextField source="bracket" emptyText="—" />
      <NumberField source="percent" options={{ maximumFractionDigits: 3 }} emptyText="—" />
      <RupiahField source="flatAmount" />
      <RupiahField source="minimumAmount" />
      <RupiahField source="maximumBase" />
      <LocaleDateField source="validFrom" />
      <LocaleDateField source="validTo" emptyText="—" />
      <TextField source="legalBasis" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
