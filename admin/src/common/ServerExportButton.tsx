import DownloadIcon from '@mui/icons-material/GetApp';
import { CircularProgress } from '@mui/material';
import { todayIn } from '@lindung/domain';
import { useState } from 'react';
import { Button, useCanAccess, useListContext, useLogoutIfAccessDenied, useNotify, useTranslate, type ButtonProps } from 'react-admin';
import { GraphQLRequestError, type GraphQLErrorShape } from '../graphqlClient';
import { getAccessToken } from '../session';
import { messageOf } from './formErrors';

/** Where the API streams a list as CSV: `POST /export/<Resource>`, same origin as the portal. */
export const EXPORT_PATH = '/export';

export interface ExportRequest {
  filter: Record<string, unknown>;
  sortField?: string;
  sortOrder?: 'ASC' | 'DESC';
}

/**
 * The file name of a `Content-Disposition: attachment` answer: `filename*=UTF-8''…` (RFC 6266) when
 * given, else `filename="…"`; null without one.
 */
export function attachmentFileName(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  // Never a path: only the last segment, whatever the server sent.
  return name ? (name.split(/[\\/]/).pop() ?? null) || null : null;
}

/** Saves a blob as a download: an object URL, a temporary `<a download>`, clicked, then released. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Released a moment later: the browser starts the download from the URL asynchronously.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A failed answer as the GraphQL-style error it carries, or a plain error when it carries none. */
async function failureOf(response: Response): Promise<Error> {
  let body: { errors?: GraphQLErrorShape[] } | undefined;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page): reported as a transport failure.
  }
  if (body?.errors?.length) return new GraphQLRequestError(body.errors, response.status);
  return Object.assign(new Error(`Export failed with HTTP ${response.status}`), { status: response.status });
}

/**
 * Asks the API for the whole list as CSV (`POST /export/<resource>` with the list's filter and
 * sort) and saves the streamed answer as a file. Throws a GraphQLRequestError when the API refuses.
 */
export async function downloadExport(resource: string, request: ExportRequest): Promise<void> {
  const accessToken = await getAccessToken();
  if (!accessToken) throw new GraphQLRequestError([{ message: 'Signed out', extensions: { code: 'UNAUTHENTICATED' } }], 401);
  const response = await fetch(`${EXPORT_PATH}/${encodeURIComponent(resource)}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'Content-Type': 'application/json',
      Accept: 'text/csv, application/json',
    },
    credentials: 'same-origin',
    body: JSON.stringify(request),
  });
  if (!response.ok) throw await failureOf(response);
  const blob = await response.blob();
  const fileName = attachmentFileName(response.headers.get('content-disposition')) ?? `${resource}-${todayIn()}.csv`;
  saveBlob(blob.type ? blob : new Blob([blob], { type: 'text/csv' }), fileName);
}

export type ServerExportButtonProps = Omit<ButtonProps, 'onClick' | 'children'>;

/**
 * The list's export, done by the server: every matching row (not only the page shown, nor the
 * client's 1,000), in the list's filter and order, with the server's own masking and audit.
 * Replaces react-admin's client-side ExportButton (give the List `exporter={false}`). Shown only
 * to the roles that may export this resource (`canAccess(role, resource, 'export')`).
 */
export const ServerExportButton = ({ label = 'ra.action.export', ...props }: ServerExportButtonProps) => {
  const { resource, filterValues, filter, sort, total } = useListContext();
  const { canAccess, isPending } = useCanAccess({ resource, action: 'export' });
  const notify = useNotify();
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [running, setRunning] = useState(false);
  if (isPending || !canAccess) return null;

  const start = async () => {
    setRunning(true);
    try {
      await downloadExport(resource, {
        // The list's permanent filter (a List `filter` prop) always applies, as in react-admin's export.
        filter: { ...filterValues, ...filter },
        ...(sort?.field ? { sortField: sort.field, sortOrder: sort.order === 'DESC' ? 'DESC' : 'ASC' } : {}),
      });
    } catch (error) {
      if (error instanceof GraphQLRequestError) {
        if (!(await logoutIfAccessDenied(error))) notify(messageOf(error), { type: 'error' });
      } else if ((error as { status?: number })?.status) {
        notify('ra.notification.http_error', { type: 'error' });
      } else {
        notify('lindung.auth.server_unreachable', { type: 'error' });
      }
    } finally {
      setRunning(false);
    }
  };

  return (
    <Button
      label={label}
      onClick={start}
      disabled={running || total === 0}
      // Named even when disabled on a phone, where react-admin's Button is a bare icon.
      aria-label={typeof label === 'string' ? translate(label, { _: label }) : undefined}
      aria-busy={running || undefined}
      {...props}
    >
      {running ? <CircularProgress size={16} thickness={5} color="inherit" aria-hidden /> : <DownloadIcon />}
    </Button>
  );
};
