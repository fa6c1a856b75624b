import { hasPermission, isPhone, NPP_PATTERN, Permission, type Role } from '@lindung/domain';
import { useGetIdentity, type RaRecord } from 'react-admin';

/** What a partner may change of its own organisation (the API refuses any other field with FORBIDDEN). */
export const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'address'] as const;

/** Every field createPartnerOrganisation / updatePartnerOrganisation take from an administrator. */
export const ALL_FIELDS = ['name', 'type', 'regencyId', 'villageId', 'npp', ...CONTACT_FIELDS] as const;

export const npp = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !NPP_PATTERN.test(value.trim()) ? 'lindung.reason.NPP_FORMAT' : undefined;

export const phone = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !isPhone(value) ? 'lindung.reason.PHONE_FORMAT' : undefined;

/**
 * Whether the signed-in user edits every field of a partner organisation (PartnerWrite: an
 * administrator) or only its contact details (PartnerContactWrite: a partner, its own).
 */
export function usePartnerWriting() {
  const { identity, isPending } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  return { isPending, allFields: hasPermission(role, Permission.PartnerWrite) };
}

/**
 * The mutation's arguments from the form: only the fields the caller may write (ra-data-graphql-simple
 * would otherwise send every field of the record the mutation takes), empty texts trimmed to null.
 */
export const toPartnerArgs =
  (fields: readonly string[]) =>
  (data: RaRecord): RaRecord => {
    const args: RaRecord = { id: data.id };
    for (const field of fields) {
      if (!(field in data)) continue;
      const value = data[field];
      args[field] = typeof value === 'string' ? value.trim() || null : (value ?? null);
    }
    return args;
  };
