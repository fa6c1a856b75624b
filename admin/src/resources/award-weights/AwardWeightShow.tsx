import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField, DayField } from '../../common/dates';
import { LocaleNumberField } from '../../common/fields';
import { criterionChoices } from '../awards/awardFields';
import { CriterionHelp, TargetField } from './awardWeightFields';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const AwardWeightShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <SelectField source="criterion" choices={criterionChoices} />
      <CriterionHelp />
      <LocaleNumberField source="weight" />
      <TargetField label="resources.AwardWeight.fields.target" />
      <DayField source="validFrom" format="long" />
      <DayField source="validTo" format="long" emptyText="lindung.award_weight.open_ended" />
      <TextField source="note" emptyText="—" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
