import { Genders, todayIn, type FieldReason } from '@lindung/domain';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { Chip } from '@mui/material';
import { useCallback } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { fieldReasonMessage, type CodedReason } from '../../i18n/reasons';
import { useIntlLocale } from '../../i18n/useIntlLocale';

/**
 * What the Worker and Enrollment pages share: calendar days as people write them, the shared
 * rules' reasons in the user's words, and calls to the API's own mutations.
 */

/** Select choices whose labels are translation keys (react-admin translates them). */
export const choicesOf = (values: readonly string[], prefix: string) => values.map((value) => ({ id: value, name: `${prefix}.${value}` }));

export const genderChoices = choicesOf(Object.values(Genders), 'lindung.worker.gender');

/** Today in Bali (the program's calendar): birth dates and start dates are judged by it. */
export const today = () => todayIn();

/** Calendar days are shown by common/dates.tsx (DayField, formatDay), as everywhere in the portal. */
export { DayField, formatDay } from '../../common/dates';

/** The possible-duplicate flag: an icon and its words, so that it is seen and read alike. */
export const PossibleDuplicateChip = ({ inLine = false }: { label?: string; inLine?: boolean }) => {
  const record = useRecordContext<{ possibleDuplicate?: boolean }>();
  const translate = useTranslate();
  if (!record?.possibleDuplicate) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<ReportProblemIcon sx={{ '&&': { color: 'warning.main' } }} />}
      label={translate('lindung.worker.possible_duplicate')}
      component="span"
      sx={{ maxWidth: '100%', ml: inLine ? 1 : 0 }}
    />
  );
};

/** The words of a reason code (packages/domain) in the user's language, with its parameters. */
export function useReasonWords(resource?: string): (reason: CodedReason | FieldReason) => string {
  const translate = useTranslate();
  const intlLocale = useIntlLocale();
  return useCallback(
    (reason: CodedReason | FieldReason) =>
      fieldReasonMessage(reason as CodedReason, { translate, intlLocale, resource }) ?? reason.code,
    [translate, intlLocale, resource],
  );
}
