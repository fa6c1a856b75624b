import { useMediaQuery, type Theme } from '@mui/material';
import { Children, Fragment, type ReactNode } from 'react';
import { DataTable, SimpleList, type DataTableProps, type SimpleListProps } from 'react-admin';

/** Whether the screen is phone-sized: below the theme's `sm` breakpoint (600 px). */
export const useIsPhone = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'), { noSsr: true });

export interface ResponsiveDataTableProps extends DataTableProps {
  /** A phone's row: its first line (defaults to the record representation)… */
  primaryText?: SimpleListProps['primaryText'];
  /** …its second line… */
  secondaryText?: SimpleListProps['secondaryText'];
  /** …and a short text on the right of the first line (a code, a status). */
  tertiaryText?: SimpleListProps['tertiaryText'];
  /** The desktop columns (`DataTable.Col`). */
  children: ReactNode;
}

/**
 * Every list of the portal, in a `List` or a `ReferenceManyField`: a `DataTable` on a wide screen,
 * react-admin's `SimpleList` on a phone (one row per record, two lines, no sideways scrolling), as
 * in the react-admin demo. Both open a record the same way (`rowClick`, by default its edit page
 * when the user may edit, else its show page).
 *
 * On a phone a row is one link: fields in its texts must not be links themselves (pass
 * `link={false}` to a `ReferenceField`), or the page gets links inside a link.
 */
export const ResponsiveDataTable = ({
  primaryText,
  secondaryText,
  tertiaryText,
  children,
  ...props
}: ResponsiveDataTableProps) => {
  const isPhone = useIsPhone();
  if (isPhone) {
    return (
      <SimpleList
        primaryText={primaryText}
        secondaryText={secondaryText}
        tertiaryText={tertiaryText}
        rowClick={props.rowClick}
        empty={props.empty}
        sx={phoneListSx}
      />
    );
  }
  return <DataTable {...props}>{children}</DataTable>;
};

const phoneListSx = {
  py: 0,
  // react-admin greys the right-hand text out with opacity, below the contrast a phone in the sun needs.
  '& .RaSimpleList-tertiary': { opacity: 1, color: 'text.secondary', ml: 1 },
  '& .MuiListItemText-root': { overflowWrap: 'anywhere' },
} as const;

/** Fields on one line of a phone's row, separated by a middle dot (`Desa · Ubud · Gianyar`). */
export const TextLine = ({ children }: { children: ReactNode }) => (
  <>
    {Children.toArray(children).map((child, index) => (
      <Fragment key={index}>
        {index > 0 && ' · '}
        {child}
      </Fragment>
    ))}
  </>
);
