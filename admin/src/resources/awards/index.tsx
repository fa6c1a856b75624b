import AwardIcon from '@mui/icons-material/EmojiEvents';
import { reactRouterProvider } from 'react-admin';
import { AwardCreate } from './AwardCreate';
import { AwardEdit } from './AwardEdit';
import { AwardList } from './AwardList';
import { AwardScorePage } from './AwardScorePage';
import { AwardShow } from './AwardShow';

const { Route } = reactRouterProvider;

export default {
  list: AwardList,
  show: AwardShow,
  edit: AwardEdit,
  create: AwardCreate,
  icon: AwardIcon,
  recordRepresentation: (record: { year?: number; category?: string; rank?: number }) => [record.year, record.category, record.rank].filter(Boolean).join(' '),
  // The explainable self-assessment (awardScore), beside the results.
  children: <Route path="score" element={<AwardScorePage />} />,
};
