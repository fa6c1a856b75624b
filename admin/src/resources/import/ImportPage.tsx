import { hasPermission, Permission, type Role } from '@lindung/domain';
import CheckIcon from '@mui/icons-material/FactCheck';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import {
  AutocompleteInput,
  Form,
  Loading,
  ReferenceInput,
  Title,
  useAuthenticated,
  useGetIdentity,
  useLogoutIfAccessDenied,
  useTranslate,
} from 'react-admin';
import { graphQLErrorsOf, fieldMessages } from '../../errors';
import { messageOf } from '../../common/formErrors';
import { fieldReasonMessage } from '../../i18n/reasons';
import { useIntlLocale } from '../../i18n/useIntlLocale';
import { requestSignedIn } from '../../session';
import { countDataRows, formatBytes, IMPORT_COLUMNS, newIdempotencyKey, TEMPLATE_FILE_NAME, templateHref, withoutBom } from './csv';

/** One refused value of the file: its spreadsheet row (the header is row 1) and CSV column. */
export interface ImportError {
  row: number;
  field: string;
  code: string;
  params?: Record<string, unknown> | null;
  message: string;
}

export interface ImportResult {
  accepted: number;
  rejected: number;
  dryRun: boolean;
  replayed: boolean;
  workersCreated: number;
  workersLinked: number;
  enrollmentsCreated: number;
  errors: ImportError[];
}

const IMPORT_ENROLLMENTS = `mutation ImportEnrollments($csv: String!, $dryRun: Boolean, $idempotencyKey: String, $partnerId: ID) {
  importEnrollments(csv: $csv, dryRun: $dryRun, idempotencyKey: $idempotencyKey, partnerId: $partnerId) {
    accepted rejected dryRun replayed workersCreated workersLinked enrollmentsCreated
    errors { row field code params message }
  }
}`;

/** The errors shown at most; a file with more is better corrected from the first ones. */
const MAX_ERRORS_SHOWN = 200;

interface ChosenFile {
  name: string;
  size: number;
  text: string;
  rows: number;
  /** One per chosen file (and partner): the dry run and the commit share it, so a repeated commit is answered, not redone. */
  key: string;
}

type Running = 'check' | 'commit' | null;

const COUNTS = ['accepted', 'rejected', 'workersCreated', 'workersLinked', 'enrollmentsCreated'] as const;

const columnOrder = (field: string) => {
  const index = (IMPORT_COLUMNS as readonly string[]).indexOf(field);
  return index === -1 ? IMPORT_COLUMNS.length : index;
};

/**
 * Importing workers and their enrollments from a CSV file (`importEnrollments`): the file is
 * checked first (a dry run: the counts and every refused value by row and column), then its
 * accepted rows are imported with the same idempotency key — sent twice, the import is answered
 * from the first one (`replayed`), never done twice. A partner imports for its own organisation;
 * an administrator chooses the organisation.
 */
export const ImportPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const { identity, isPending } = useGetIdentity();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const fileInputId = useId();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [running, setRunning] = useState<Running>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  const template = useMemo(templateHref, []);

  if (isPending) return <Loading />;
  const role = identity?.role as Role | undefined;
  // A partner reports for its own organisation; whoever else may report (an administrator) names one.
  const choosesPartner = role !== 'PARTNER' && hasPermission(role, Permission.WorkerReport);
  const partnerMissing = choosesPartner && !partnerId;

  const reset = () => {
    setChecked(null);
    setDone(null);
    setFailure(null);
  };

  const choosePartner = (id: string | null) => {
    setPartnerId(id || null);
    // Another organisation is another request: a new key, and the check to do again.
    setFile((current) => (current ? { ...current, key: newIdempotencyKey() } : current));
    reset();
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const chosen = input.files?.[0];
    // Cleared, so that choosing the same file again (after correcting it) is noticed.
    input.value = '';
    reset();
    setFileProblem(null);
    if (!chosen) return;
    if (!/\.csv$/i.test(chosen.name) && !/csv|comma-separated/i.test(chosen.type)) {
      setFile(null);
      setFileProblem('lindung.import.not_csv');
      return;
    }
    try {
      const text = withoutBom(await chosen.text());
      setFile({ name: chosen.name, size: chosen.size, text, rows: countDataRows(text), key: newIdempotencyKey() });
    } catch {
      setFile(null);
      setFileProblem('lindung.import.unreadable');
    }
  };

  /** What went wrong, in the user's words: the file's or a field's problems, else the error's message. */
  const problemsOf = (error: unknown): string[] => {
    const first = graphQLErrorsOf(error)[0];
    if (first?.extensions?.reason === 'PAYLOAD_TOO_LARGE') return [translate('lindung.import.too_large')];
    if (first?.extensions?.code === 'BAD_USER_INPUT') {
      const fields = Object.entries(fieldMessages(first, 'Import'));
      if (fields.length > 0) return fields.map(([field, words]) => `${translate(`resources.Import.fields.${field}`, { _: field })}: ${words}`);
    }
    return [translate(messageOf(error), { _: messageOf(error) })];
  };

  const send = async (dryRun: boolean) => {
    if (!file || partnerMissing) return;
    setRunning(dryRun ? 'check' : 'commit');
    setFailure(null);
    try {
      const data = await requestSignedIn<{ importEnrollments: ImportResult }>(IMPORT_ENROLLMENTS, {
        csv: file.text,
        dryRun,
        idempotencyKey: file.key,
        ...(choosesPartner ? { partnerId } : {}),
      });
      if (dryRun) setChecked(data.importEnrollments);
      else setDone(data.importEnrollments);
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) setFailure(problemsOf(error));
    } finally {
      setRunning(null);
    }
  };

  const startOver = () => {
    setFile(null);
    setFileProblem(null);
    reset();
  };

  const rowsText = (rows: number) => translate('lindung.import.rows', { smart_count: rows });
  const sizeText = (bytes: number) => formatBytes(bytes, locale);

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 2, maxWidth: 960, minWidth: 0 }}>
      <Title title="lindung.import.title" />
      <Card>
        <CardHeader disableTypography title={<Heading text="lindung.import.step_file" />} />
        <CardContent sx={{ pt: 0 }}>
          <Stack spacing={2}>
            <Typography variant="body2">{translate('lindung.import.intro')}</Typography>
            {choosesPartner && (
              <Form noValidate>
                <ReferenceInput source="partnerId" reference="PartnerOrganisation" sort={{ field: 'name', order: 'ASC' }} filter={{ status: 'ACTIVE' }}>
                  <AutocompleteInput
                    label="resources.Import.fields.partnerId"
                    optionText="name"
                    filterToQuery={(q: string) => ({ q })}
                    helperText="lindung.import.partner_help"
                    onChange={(value: string | null) => choosePartner(value)}
                    disabled={running !== null}
                    sx={{ maxWidth: 480 }}
                    fullWidth
                  />
                </ReferenceInput>
              </Form>
            )}
            <Box>
              <Typography variant="body2">{translate('lindung.import.columns')}</Typography>
              <Typography component="p" variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', my: 0.5 }}>
                {IMPORT_COLUMNS.join(',')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('lindung.import.column_help')}
              </Typography>
              <MuiLink href={template} download={TEMPLATE_FILE_NAME} variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
                {translate('lindung.import.template')}
              </MuiLink>
            </Box>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { xs: 'stretch', sm: 'center' } }}>
              <MuiButton
                component="label"
                role={undefined}
                tabIndex={-1}
                htmlFor={fileInputId}
                variant="outlined"
                startIcon={<UploadFileIcon />}
                disabled={running !== null}
                sx={{ '&:has(input:focus-visible)': { outline: '2px solid', outlineOffset: 2 } }}
              >
                {translate('lindung.import.choose_file')}
                <input id={fileInputId} type="file" accept=".csv,text/csv" onChange={chooseFile} disabled={running !== null} style={visuallyHidden} />
              </MuiButton>
              <Typography variant="body2" data-import-file="" sx={{ overflowWrap: 'anywhere' }} aria-live="polite">
                {file
                  ? translate('lindung.import.file_summary', { name: file.name, size: sizeText(file.size), rows: rowsText(file.rows) })
                  : translate('lindung.import.no_file')}
              </Typography>
            </Stack>
            {fileProblem && <Alert severity="error">{translate(fileProblem)}</Alert>}
            {partnerMissing && file && <Alert severity="info">{translate('lindung.import.choose_partner_first')}</Alert>}
            <Box>
              <MuiButton
                variant="contained"
                startIcon={<CheckIcon />}
                onClick={() => send(true)}
                disabled={!file || partnerMissing || running !== null || done !== null}
              >
                {translate('lindung.import.check')}
              </MuiButton>
            </Box>
            {running && file && (
              <Box role="status" aria-live="polite">
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {translate(running === 'check' ? 'lindung.import.checking' : 'lindung.import.committing', {
                    rows: rowsText(file.rows),
                    size: sizeText(file.size),
                  })}
                </Typography>
                <LinearProgress aria-label={translate('lindung.import.progress')} />
              </Box>
            )}
            {failure && (
              <Alert severity="error">
                {failure.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Alert>
            )}
          </Stack>
        </CardContent>
      </Card>

      {checked && (
        <Card data-import-result="dry-run">
          <CardHeader disableTypography title={<Heading text="lindung.import.step_check" />} />
          <CardContent sx={{ pt: 0 }}>
            <Stack spacing={2}>
              <Counts result={checked} />
              <Alert severity={checked.accepted === 0 ? 'error' : checked.rejected > 0 ? 'warning' : 'success'}>
                {translate(
                  checked.accepted === 0 ? 'lindung.import.nothing_to_commit' : checked.rejected > 0 ? 'lindung.import.some_rejected' : 'lindung.import.all_good',
                )}{' '}
                {translate('lindung.import.dry_run_note')}
              </Alert>
              {checked.errors.length > 0 && <ErrorTable errors={checked.errors} />}
              {!done && (
                <Box>
                  <MuiButton
                    variant="contained"
                    startIcon={<UploadFileIcon />}
                    onClick={() => send(false)}
                    disabled={checked.accepted === 0 || running !== null}
                  >
                    {translate('lindung.import.commit', { smart_count: checked.accepted })}
                  </MuiButton>
                </Box>
              )}
            </Stack>
          </CardContent>
        </Card>
      )}

      {done && (
        <Card data-import-result="done">
          <CardHeader disableTypography title={<Heading text="lindung.import.step_done" />} />
          <CardContent sx={{ pt: 0 }}>
            <Stack spacing={2}>
              <Alert severity="success" role="status">
                {translate('lindung.import.done')}
              </Alert>
              {done.replayed && <Alert severity="info">{translate('lindung.import.replayed')}</Alert>}
              <Counts result={done} />
              {done.errors.length > 0 && <ErrorTable errors={done.errors} />}
              <Box>
                <MuiButton variant="outlined" onClick={startOver}>
                  {translate('lindung.import.again')}
                </MuiButton>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};

/** A card's title, as a heading of the page's outline. */
const Heading = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography component="h2" variant="h6">
      {translate(text)}
    </Typography>
  );
};

const visuallyHidden = {
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  height: 1,
  overflow: 'hidden',
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: 1,
} as const;

/** The result's counts, as a description list: what the dry run would do, or what the import did. */
const Counts = ({ result }: { result: ImportResult }) => {
  const translate = useTranslate();
  const locale = useIntlLocale();
  const words = result.dryRun ? 'counts_dry' : 'counts_done';
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr auto', sm: 'max-content max-content' }, columnGap: 4, rowGap: 0.5, m: 0 }}>
      {COUNTS.map((count) => (
        <Box key={count} sx={{ display: 'contents' }} data-import-count={count}>
          <Typography component="dt" variant="body2">
            {translate(`lindung.import.${words}.${count}`)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 'bold', textAlign: 'right' }}>
            {new Intl.NumberFormat(locale).format(result[count])}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/**
 * The refused values by spreadsheet row and CSV column, each problem in the user's words (the
 * same words the forms use for the same rule), the API's English sentence for a code this portal
 * does not know yet.
 */
const ErrorTable = ({ errors }: { errors: ImportError[] }) => {
  const translate = useTranslate();
  const intlLocale = useIntlLocale();
  const headingId = useId();
  const sorted = [...errors].sort((a, b) => a.row - b.row || columnOrder(a.field) - columnOrder(b.field));
  const shown = sorted.slice(0, MAX_ERRORS_SHOWN);
  const words = (error: ImportError) =>
    fieldReasonMessage({ code: error.code, params: error.params ?? undefined }, { translate, intlLocale, resource: 'Import' }) ?? error.message;
  const rowText = (row: number) => (row === 1 ? translate('lindung.import.header_row') : row > 1 ? new Intl.NumberFormat(intlLocale).format(row) : '—');
  const columnText = (field: string) => (field ? translate(`resources.Import.fields.${field}`, { _: field }) : translate('lindung.import.whole_file'));
  return (
    <Box>
      <Typography id={headingId} component="h3" variant="subtitle1" sx={{ mb: 1 }}>
        {translate('lindung.import.errors')}
      </Typography>
      <Table
        size="small"
        aria-labelledby={headingId}
        sx={{ tableLayout: 'fixed', width: '100%', '& td, & th': { px: { xs: 1, sm: 2 } } }}
        data-import-errors=""
      >
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '30%' }} />
          <col style={{ width: '54%' }} />
        </colgroup>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate('lindung.import.error_row')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('lindung.import.error_column')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('lindung.import.error_problem')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((error, index) => (
            <TableRow key={`${error.row}-${error.field}-${index}`} data-row={error.row} data-column={error.field}>
              <TableCell sx={{ verticalAlign: 'top' }}>{rowText(error.row)}</TableCell>
              <TableCell sx={{ verticalAlign: 'top', overflowWrap: 'break-word' }}>
                {columnText(error.field)}
                {error.field && (
                  <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                    {error.field}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>{words(error)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sorted.length > shown.length && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('lindung.import.errors_more', { smart_count: sorted.length - shown.length })}
        </Typography>
      )}
    </Box>
  );
};
