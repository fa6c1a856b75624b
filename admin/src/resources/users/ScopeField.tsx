import { ROLE_SCOPE, type Role } from '@lindung/domain';
import { ReferenceField, useRecordContext } from 'react-admin';

/**
 * The one scope an account is bound to (its regency, village or partner), or nothing. In a phone's
 * list row (itself one link) pass `link={false}`.
 */
export const ScopeField = ({ link }: { label?: string; link?: false }) => {
  const record = useRecordContext<{ role?: Role }>();
  const scope = record?.role ? ROLE_SCOPE[record.role] : null;
  switch (scope) {
    case 'regency':
      return <ReferenceField source="regencyId" reference="Regency" link={link} />;
    case 'village':
      return <ReferenceField source="villageId" reference="Village" link={link} />;
    case 'partner':
      return <ReferenceField source="partnerId" reference="PartnerOrganisation" link={link} />;
    default:
      return <span>—</span>;
  }
};
