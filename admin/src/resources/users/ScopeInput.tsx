import { ROLE_SCOPE, type Role } from '@lindung/domain';
import { Typography } from '@mui/material';
import { AutocompleteInput, FormDataConsumer, ReferenceInput, required, useTranslate } from 'react-admin';

const searchByQ = (q: string) => ({ q });
const NO_OPTIONS = 'lindung.user.no_scope_options';

/**
 * The scope input of the chosen role: a regency, a village or a partner organisation, or none.
 * `filter` keeps the choices inside the caller's own scope (a regency official: its regency).
 */
export const ScopeInput = ({ filter = {} }: { filter?: Record<string, string> }) => {
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ role?: Role }>>
      {({ formData }) => {
        const scope = formData.role ? ROLE_SCOPE[formData.role] : undefined;
        if (scope === undefined) return null;
        const help = translate(`lindung.user.scope_help.${scope ?? 'none'}`);
        switch (scope) {
          case 'regency':
            return (
              <ReferenceInput source="regencyId" reference="Regency" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput optionText="name" filterToQuery={searchByQ} validate={required()} helperText={help} noOptionsText={NO_OPTIONS} />
              </ReferenceInput>
            );
          case 'village':
            return (
              <ReferenceInput source="villageId" reference="Village" sort={{ field: 'name', order: 'ASC' }} filter={filter}>
                <AutocompleteInput filterToQuery={searchByQ} validate={required()} helperText={help} noOptionsText={NO_OPTIONS} />
              </ReferenceInput>
            );
          case 'partner':
            return (
              <ReferenceInput source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }} filter={filter}>
                <AutocompleteInput optionText="name" filterToQuery={searchByQ} validate={required()} helperText={help} noOptionsText={NO_OPTIONS} />
              </ReferenceInput>
            );
          default:
            return (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {help}
              </Typography>
            );
        }
      }}
    </FormDataConsumer>
  );
};
