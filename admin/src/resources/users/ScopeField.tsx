import { ROLE_SCOPE, type Role } from '@lindung/domain';
import { ReferenceField, useRecordContext } from 'react-admin';

/** The one scope an account is bound to (its regency, village or partner), or nothing. */
export const ScopeField = (_props: { label?: string }) => {
  const record = useRecordContext<{ role?: Role }>();
  const scope = record?.role ? ROLE_SCOPE[record.role] : null;
  switch (scope) {
    case 'regency':
      return <ReferenceField source="regencyId" reference="Regency" />;
    case 'village':
      return <ReferenceField source="villageId" reference="Village" />;
    case 'partner':
      return <ReferenceField source="partnerId" reference="PartnerOrganisation" />;
    default:
      return <span>—</span>;
  }
};
