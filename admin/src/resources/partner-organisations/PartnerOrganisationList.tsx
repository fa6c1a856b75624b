import { CreateButton, DataTable, FilterButton, List, ReferenceField, SelectField, TopToolbar, useTranslate } from 'react-admin';
import { partnerTypeChoices } from '../../common/choices';
import { LocaleNumberField } from '../../common/fields';
import { ResponsiveDataTable, TextLine } from '../../common/ResponsiveDataTable';
import { ServerExportButton } from '../../common/ServerExportButton';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { partnerFilters } from './partnerFilters';
import { PartnerStatusChip } from './PartnerStatusChip';

/** The server's export instead of react-admin's (which would fetch at most 1,000 rows into the page). */
const PartnerListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ServerExportButton />
  </TopToolbar>
);

/** A phone's second line: type · village · workers. */
const PartnerSummary = () => {
  const translate = useTranslate();
  return (
    <TextLine>
      <SelectField source="type" choices={partnerTypeChoices} />
      <ReferenceField source="villageId" reference="Village" link={false} emptyText="—" />
      <span>
        {translate('resources.PartnerOrganisation.fields.workerCount')}: <LocaleNumberField source="workerCount" />
      </span>
    </TextLine>
  );
};

export const PartnerOrganisationList = () => {
  const locales = useIntlLocale();
  return (
    <List filters={partnerFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false} actions={<PartnerListActions />}>
      <ResponsiveDataTable
        bulkActionButtons={false}
        rowClick="show"
        primaryText={(record) => record.name}
        tertiaryText={
          <span className="RaSimpleList-tertiary">
            <PartnerStatusChip />
          </span>
        }
        secondaryText={<PartnerSummary />}
      >
        <DataTable.Col source="name" />
        <DataTable.Col source="type">
          <SelectField source="type" choices={partnerTypeChoices} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <PartnerStatusChip />
        </DataTable.Col>
        <DataTable.Col source="regencyId" disableSort>
          <ReferenceField source="regencyId" reference="Regency" />
        </DataTable.Col>
        <DataTable.Col source="villageId" disableSort>
          <ReferenceField source="villageId" reference="Village" emptyText="—" />
        </DataTable.Col>
        <DataTable.NumberCol source="workerCount" disableSort locales={locales} />
        <DataTable.NumberCol source="activeEnrollmentCount" disableSort locales={locales} />
      </ResponsiveDataTable>
    </List>
  );
};
