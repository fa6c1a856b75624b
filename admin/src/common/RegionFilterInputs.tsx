import { ROLE_SCOPE, type Role } from '@lindung/domain';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { AutocompleteInput, FormDataConsumer, ReferenceInput, useGetIdentity, useGetOne, useInput } from 'react-admin';

/**
 * The dependent region filters of a list: kabupaten/kota → kecamatan → desa/kelurahan.
 *
 * - Each level offers only the children of the level above once that is chosen (districts by
 *   `regencyId`, villages by `districtId`, else by `regencyId`).
 * - Changing (or clearing) an upper level empties the levels below it, so that a list is never
 *   filtered by a kecamatan outside the chosen regency.
 * - Options show their full name and code (`Mas (51.04.05.2002)`), wrapped rather than cut off,
 *   in a list as wide as they need (up to the screen's width).
 * - `withinScope` (the default) offers only the caller's own region: a regency official has no
 *   regency to choose (its own is the only one) and chooses among its regency's kecamatan and
 *   villages; a village head has nothing to choose at all. Admins, auditors and partners choose
 *   anywhere. For lists of reference data everyone reads whole (the regions themselves) pass
 *   `withinScope: false`.
 *
 * Usage, in a list component (a hook: the inputs depend on who is signed in):
 *
 *     const regionFilters = useRegionFilters({ levels: ['regency', 'district', 'village'] });
 *     <List filters={[<SearchInput key="q" source="q" alwaysOn />, ...regionFilters, …]}>
 *
 * The sources are `regencyId`, `districtId` and `villageId`. A level the resource's GraphQL filter
 * does not have (UserFilter has no `districtId`) is only a way to narrow the level below: the data
 * provider does not send filter fields the API does not know.
 */
export type RegionLevel = 'regency' | 'district' | 'village';

export const REGION_LEVELS: readonly RegionLevel[] = ['regency', 'district', 'village'];

export const REGION_SOURCE: Record<RegionLevel, string> = { regency: 'regencyId', district: 'districtId', village: 'villageId' };

const REFERENCE: Record<RegionLevel, string> = { regency: 'Regency', district: 'District', village: 'Village' };

export interface RegionFilterOptions {
  /** The levels offered, top down (default all three). */
  levels?: readonly RegionLevel[];
  /** Which levels are always on screen rather than behind "Add filter": true for all (default none). */
  alwaysOn?: boolean | readonly RegionLevel[];
  /** Offer only the caller's own region and what lies within it (default true). */
  withinScope?: boolean;
}

/** The regions a caller's scope fixes: a regency official's regency, a village head's village (and its kecamatan and regency). */
interface FixedScope {
  regencyId?: string;
  districtId?: string;
  villageId?: string;
}

interface Identity {
  role?: Role;
  regencyId?: string | null;
  villageId?: string | null;
}

/** What the signed-in user's scope fixes, or null while it is not known yet. */
function useFixedScope(withinScope: boolean): FixedScope | null {
  const { identity, isPending } = useGetIdentity();
  const { role, regencyId, villageId } = (identity ?? {}) as Identity;
  const kind = withinScope && role ? ROLE_SCOPE[role] : null;
  // A village head's kecamatan is its village's.
  const { data: village, isPending: villagePending } = useGetOne(
    'Village',
    { id: villageId ?? '' },
    { enabled: kind === 'village' && Boolean(villageId) },
  );
  if (!withinScope) return {};
  if (isPending) return null;
  if (kind === 'regency' && regencyId) return { regencyId };
  if (kind === 'village' && villageId) {
    if (villagePending) return null;
    return { regencyId: regencyId ?? village?.regencyId, districtId: village?.districtId, villageId };
  }
  return {};
}

/** The filter inputs of the levels asked for, less those the caller's scope fixes (see the module's comment). */
export function useRegionFilters(options: RegionFilterOptions = {}): ReactElement[] {
  const { levels = REGION_LEVELS, alwaysOn = false, withinScope = true } = options;
  const fixed = useFixedScope(withinScope);
  if (!fixed) return [];
  const offered = REGION_LEVELS.filter((level) => levels.includes(level) && !fixed[REGION_SOURCE[level] as keyof FixedScope]);
  return offered.map((level) => (
    <RegionFilterInput
      key={REGION_SOURCE[level]}
      source={REGION_SOURCE[level]}
      label={`lindung.region.${level}`}
      alwaysOn={alwaysOn === true || (Array.isArray(alwaysOn) && alwaysOn.includes(level)) || undefined}
      level={level}
      below={offered.slice(offered.indexOf(level) + 1)}
      fixed={fixed}
    />
  ));
}

interface RegionFilterInputProps {
  source: string;
  label: string;
  /** Read by react-admin's filter form (shown without "Add filter"). */
  alwaysOn?: boolean;
  level: RegionLevel;
  /** The levels offered below this one, emptied when this one changes. */
  below: RegionLevel[];
  fixed: FixedScope;
  /** Set by react-admin's filter form on each of its inputs. */
  resource?: string;
  size?: 'small' | 'medium';
  helperText?: false | string;
}

type RegionValues = Partial<Record<'regencyId' | 'districtId' | 'villageId', string | null>>;

/** The choices of a level: the children of what is chosen (or fixed) above it. */
function choicesFilter(level: RegionLevel, chosen: RegionValues, fixed: FixedScope): Record<string, string> {
  const regencyId = chosen.regencyId || fixed.regencyId;
  const districtId = chosen.districtId || fixed.districtId;
  if (level === 'village' && districtId) return { districtId };
  if (level !== 'regency' && regencyId) return { regencyId };
  return {};
}

/** Wide enough for a full name (on a phone: the row, beside the filter's remove button); the list of options as wide as its names need, wrapped rather than cut, never wider than the screen. */
const inputSx = { flex: { xs: 1, sm: '0 0 auto' }, minWidth: { xs: 0, sm: '16rem' } } as const;
const popperSlotProps = {
  popper: {
    placement: 'bottom-start' as const,
    sx: {
      minWidth: 'fit-content',
      maxWidth: 'calc(100vw - 16px)',
      '& .MuiAutocomplete-option': { whiteSpace: 'normal', overflowWrap: 'anywhere' },
    },
  },
};

const searchByQ = (q: string) => ({ q });

/** One level's input: a reference to the region, searched by name or code, emptying the levels below when changed. */
const RegionFilterInput = ({ source, label, level, below, fixed, resource, size, helperText }: RegionFilterInputProps) => {
  // Counts the user's changes of this level: each one empties the levels below it.
  const [changes, setChanges] = useState(0);
  return (
    <>
      <FormDataConsumer<RegionValues>>
        {({ formData }) => (
          <ReferenceInput
            source={source}
            reference={REFERENCE[level]}
            filter={choicesFilter(level, formData, fixed)}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <AutocompleteInput
              resource={resource}
              size={size}
              helperText={helperText}
              label={label}
              filterToQuery={searchByQ}
              onChange={() => setChanges((n) => n + 1)}
              sx={inputSx}
              slotProps={popperSlotProps}
            />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      {below.map((lower) => (
        <ClearOnChange key={lower} source={REGION_SOURCE[lower]} changes={changes} />
      ))}
    </>
  );
};

/** Empties one filter field (a level below) each time `changes` goes up. Renders nothing. */
const ClearOnChange = ({ source, changes }: { source: string; changes: number }) => {
  const { field } = useInput({ source });
  const seen = useRef(changes);
  useEffect(() => {
    if (changes === seen.current) return;
    seen.current = changes;
    if (field.value != null && field.value !== '') field.onChange(null);
  }, [changes, field]);
  return null;
};
