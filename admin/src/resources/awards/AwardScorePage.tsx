import { Card, CardContent } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { AwardScorePanel } from './AwardScore';

/** The self-assessment on its own page (/Award/score): any regency within the caller's scope, any year. */
export const AwardScorePage = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('lindung.award.score.title')} />
      <CardContent>
        <AwardScorePanel regencyId={(identity?.regencyId as string | undefined) ?? null} />
      </CardContent>
    </Card>
  );
};
