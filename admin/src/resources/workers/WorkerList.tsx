import { BooleanField, DataTable, List, ReferenceField, TextField, useTranslate } from 'react-admin';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { DayField, PossibleDuplicateChip } from './registry';
import { useWorkerFilters } from './workerFilters';

/** "Rentan" on a phone's line for a vulnerable worker. */
const VulnerableWord = () => {
  const translate = useTranslate();
  return <>{translate('lindung.worker.vulnerable')}</>;
};

export const WorkerList = () => {
  const filters = useWorkerFilters();
  return (
    <List filters={filters} sort={{ field: 'fullName', order: 'ASC' }} perPage={25}>
      <ResponsiveDataTable
        rowClick="show"
        bulkActionButtons={false}
        primaryText={(record) => record.fullName}
        secondaryText={(record) => (
          <TextLine>
            <TextField source="nik" />
            <DayField source="birthDate" />
            <ReferenceField source="villageId" reference="Village" link={false} />
            {record.vulnerable ? <VulnerableWord /> : null}
          </TextLine>
        )}
        tertiaryText={<PossibleDuplicateChip inLine />}
      >
        <DataTable.Col source="nik" disableSort>
          <TextField source="nik" sx={{ fontFamily: 'monospace' }} />
        </DataTable.Col>
        <DataTable.Col source="fullName" />
        <DataTable.Col source="birthDate">
          <DayField source="birthDate" />
        </DataTable.Col>
        <DataTable.Col source="villageId" disableSort>
          <ReferenceField source="villageId" reference="Village" />
        </DataTable.Col>
        <DataTable.Col source="vulnerable">
          <BooleanField source="vulnerable" />
        </DataTable.Col>
        <DataTable.Col source="possibleDuplicate" disableSort>
          <PossibleDuplicateChip />
        </DataTable.Col>
      </ResponsiveDataTable>
    </List>
  );
};
