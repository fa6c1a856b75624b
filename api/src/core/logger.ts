import pino, { type Logger } from 'pino';

/**
 * Structured logs. Secrets and personal data are redacted by path as a second line of defence;
 * the first is that no request body or GraphQL variables are ever logged.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'lindung-api' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.nik',
        '*.refreshToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  });
}
