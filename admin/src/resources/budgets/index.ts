import BudgetIcon from '@mui/icons-material/AccountBalanceWallet';
import { BudgetCreate } from './BudgetCreate';
import { BudgetEdit } from './BudgetEdit';
import { BudgetList } from './BudgetList';
import { BudgetShow } from './BudgetShow';

export default {
  list: BudgetList,
  show: BudgetShow,
  edit: BudgetEdit,
  create: BudgetCreate,
  icon: BudgetIcon,
  recordRepresentation: (record: { name?: string; fiscalYear?: number }) => record.name ?? String(record.fiscalYear ?? ''),
};
