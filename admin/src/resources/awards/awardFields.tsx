import { AWARD_CRITERIA, AwardCategory, AwardCriterion, AwardLevel, awardeeKind } from '@lindung/domain';
import { Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { choicesOf } from '../workers/registry';

export const levelChoices = choicesOf(Object.values(AwardLevel), 'lindung.award.level');
export const categoryChoices = choicesOf(Object.values(AwardCategory), 'lindung.reason_words.award_category');
export const criterionChoices = choicesOf(AWARD_CRITERIA, 'lindung.award.criterion');

export interface AwardRecord {
  id: string;
  year: number;
  level: AwardLevel;
  category: AwardCategory;
  rank: number;
  regencyId?: string | null;
  partnerId?: string | null;
  province?: string | null;
  score?: number | null;
  note?: string | null;
}

/** The awardee, whichever kind the category names: a province by name, a regency, a partner organisation. */
export const AwardeeField = ({ link = true }: { label?: string; link?: boolean }) => {
  const record = useRecordContext<AwardRecord>();
  if (!record?.category) return null;
  const kind = awardeeKind(record.category);
  if (kind === 'REGENCY' && record.regencyId) return <ReferenceField source="regencyId" reference="Regency" link={link ? 'show' : false} />;
  if (kind === 'PARTNER' && record.partnerId) return <ReferenceField source="partnerId" reference="PartnerOrganisation" link={link ? 'show' : false} />;
  return (
    <Typography component="span" variant="body2">
      {record.province ?? '—'}
    </Typography>
  );
};

/** "Rank 1", "Peringkat 1". */
export const RankField = (_: { label?: string; source?: string }) => {
  const record = useRecordContext<AwardRecord>();
  const translate = useTranslate();
  if (typeof record?.rank !== 'number') return null;
  return (
    <Typography component="span" variant="body2">
      {translate('lindung.award.rank_value', { rank: record.rank })}
    </Typography>
  );
};

/** Which criteria are fractions (shown as a percentage), percentage points, counts, or yes/no. */
const UNIT: Record<AwardCriterion, 'fraction' | 'points' | 'count' | 'flag'> = {
  COVERAGE_RATE: 'fraction',
  COVERAGE_GROWTH: 'points',
  BUDGET_COMMITTED: 'fraction',
  PARTNERS_ENGAGED: 'count',
  VULNERABLE_FUNDED: 'fraction',
  REGULATION: 'flag',
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A criterion's value (or target) in its unit, in the language's format: "65,60 %", "3,5 poin persentase", "4", "ada". */
export function formatCriterionValue(criterion: AwardCriterion, value: number, locale: string, translate: Translate): string {
  switch (UNIT[criterion]) {
    case 'fraction':
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'points':
      return translate('lindung.award.percentage_points', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) });
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    case 'flag':
      return translate(value >= 1 ? 'lindung.award.yes' : 'lindung.award.no');
  }
}

/** Points and weights: "12,5". */
export const formatPoints = (value: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
