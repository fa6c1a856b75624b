import {
  birthDateFromNik,
  checkNik,
  isPhone,
  KPJ_PATTERN,
  MAX_NAME,
  MAX_OCCUPATION,
  nikAgreementProblems,
  withNikFacts,
  type Gender,
  type NikFacts,
} from '@lindung/domain';
import { useMemo } from 'react';
import type { RaRecord } from 'react-admin';
import { today, useReasonWords } from './registry';

/** The form's values (createWorker / updateWorker's arguments). */
export interface WorkerValues {
  nik?: string | null;
  fullName?: string | null;
  birthDate?: string | null;
  gender?: Gender | '' | null;
  villageId?: string | null;
  occupation?: string | null;
  vulnerable?: boolean | null;
  phone?: string | null;
  kpj?: string | null;
  partnerId?: string | null;
}

/** What a NIK typed so far encodes, when it is a valid one (its form only: the API checks the region). */
export function nikFacts(nik: unknown): NikFacts | null {
  if (typeof nik !== 'string') return null;
  const check = checkNik(nik.trim());
  return check.ok ? check.facts : null;
}

/**
 * The birth date or sex the clerk gave: the value in the form, except that on an edit page the
 * record's own value counts as not given once the NIK is changed — a new NIK brings its own date and
 * sex, as updateWorker does.
 */
export function given(field: 'birthDate' | 'gender', values: WorkerValues, record?: Partial<RaRecord> | null): string | null {
  const value = values[field] || null;
  if (record?.id && value === record[field] && (values.nik ?? '').trim() !== record.nik) return null;
  return value;
}

/** The birth date and sex to show and send: the ones given, each absent one from the NIK. */
export function withNik(values: WorkerValues, record?: Partial<RaRecord> | null): { birthDate: string | null; gender: Gender | null } {
  const birthDate = given('birthDate', values, record);
  const gender = given('gender', values, record) as Gender | null;
  const facts = nikFacts(values.nik);
  return facts ? withNikFacts(facts, { birthDate, gender }, today()) : { birthDate, gender };
}

/** The encoded birth date of a valid NIK, `YYYY-MM-DD`. */
export const encodedBirthDate = (facts: NikFacts) => birthDateFromNik(facts, today());

const blankToNull = (value: unknown) => (typeof value === 'string' ? value.trim() || null : value ?? null);

/** createWorker / updateWorker's arguments from the form: blanks as null, birth date and sex as shown. */
export function toWorkerArgs(data: RaRecord, record?: Partial<RaRecord> | null): RaRecord {
  const values = data as WorkerValues;
  const { birthDate, gender } = withNik(values, record);
  return {
    ...data,
    nik: typeof values.nik === 'string' ? values.nik.trim() : values.nik,
    fullName: typeof values.fullName === 'string' ? values.fullName.trim().replace(/\s+/g, ' ') : values.fullName,
    birthDate,
    gender,
    occupation: blankToNull(values.occupation),
    phone: blankToNull(values.phone),
    kpj: blankToNull(values.kpj),
    vulnerable: Boolean(values.vulnerable),
    ...(record?.id ? {} : { partnerId: values.partnerId || null }),
  };
}

/**
 * The form's validators, the shared rules of packages/domain (checkWorker's, field by field), worded
 * in the user's language. `record`: the record being edited, if any.
 */
export function useWorkerValidators(record?: Partial<RaRecord> | null) {
  const words = useReasonWords('Worker');
  return useMemo(() => {
    const nik = (value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      const check = checkNik(value.trim());
      return check.ok ? undefined : words(check.reason);
    };
    const agrees = (field: 'birthDate' | 'gender') => (_value: unknown, values: WorkerValues) => {
      const value = given(field, values, record);
      if (!value) return undefined;
      if (field === 'birthDate' && value > today()) return words({ code: 'DATE_IN_FUTURE' });
      const facts = nikFacts(values.nik);
      if (!facts) return undefined;
      const problem = nikAgreementProblems(facts, { [field]: value }, today())[field];
      return problem ? words(problem) : undefined;
    };
    const maxLength = (max: number) => (value: unknown) =>
      typeof value === 'string' && value.trim().length > max ? words({ code: 'TOO_LONG', params: { max } }) : undefined;
    const phone = (value: unknown) =>
      typeof value === 'string' && value.trim() !== '' && !isPhone(value.trim()) ? words({ code: 'PHONE_FORMAT' }) : undefined;
    const kpj = (value: unknown) =>
      typeof value === 'string' && value.trim() !== '' && !KPJ_PATTERN.test(value.trim()) ? words({ code: 'KPJ_FORMAT' }) : undefined;
    return {
      nik,
      birthDate: agrees('birthDate'),
      gender: agrees('gender'),
      fullName: maxLength(MAX_NAME),
      occupation: maxLength(MAX_OCCUPATION),
      phone,
      kpj,
    };
  }, [words, record]);
}
