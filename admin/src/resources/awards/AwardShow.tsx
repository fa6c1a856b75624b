import { awardeeKind } from '@lindung/domain';
import { Box } from '@mui/material';
import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { LocaleNumberField } from '../../common/fields';
import { AwardeeField, categoryChoices, levelChoices, RankField, type AwardRecord } from './awardFields';
import { AwardScorePanel } from './AwardScore';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

/** For a regency's award: Lindung's explainable self-assessment of that regency, for the award's year. */
const ScoreOfAwardee = () => {
  const record = useRecordContext<AwardRecord>();
  if (!record || awardeeKind(record.category) !== 'REGENCY' || !record.regencyId) return null;
  return (
    <Box sx={{ mt: 2, width: '100%' }}>
      <AwardScorePanel regencyId={record.regencyId} year={record.year} />
    </Box>
  );
};

export const AwardShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="year" />
      <SelectField source="level" choices={levelChoices} />
      <SelectField source="category" choices={categoryChoices} />
      <RankField label="resources.Award.fields.rank" />
      <AwardeeField label="resources.Award.fields.awardee" />
      <LocaleNumberField source="score" emptyText="—" />
      <TextField source="note" emptyText="—" />
      <ScoreOfAwardee />
    </SimpleShowLayout>
  </Show>
);
