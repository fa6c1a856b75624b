import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const en: TranslationMessages = {
  ...englishMessages,
  lindung: {
    title: 'Lindung',
    tagline: 'BPJS Ketenagakerjaan worker coverage',
    auth: {
      email: 'Email',
      password: 'Password',
      sign_in: 'Sign in',
      invalid_credentials: 'Wrong email or password',
      // %{wait} is a duration from lindung.time ("30 seconds", "15 minutes").
      too_many_attempts: 'Too many failed sign-in attempts for this account. Try again in %{wait}.',
      too_many_attempts_source: 'Too many failed sign-in attempts from your network. Try again in %{wait}.',
      too_many_attempts_overall: 'Too many failed sign-in attempts right now, so signing in is paused. Try again in %{wait}.',
      server_unreachable: 'The server could not be reached. Please try again.',
    },
    time: {
      seconds: '1 second |||| %{smart_count} seconds',
      minutes: '1 minute |||| %{smart_count} minutes',
      a_moment: 'a moment',
    },
    validation: {
      password: 'Must be between %{min} and %{max} characters',
      email: 'Must be an email address',
      non_negative: 'Must be zero or more',
      region_code: {
        PROVINCE: 'Must be a Kemendagri province code (e.g. 51)',
        REGENCY: 'Must be a Kemendagri regency/city code (e.g. 51.04)',
        DISTRICT: 'Must be a Kemendagri district code (e.g. 51.04.05)',
        VILLAGE: 'Must be a Kemendagri village code (e.g. 51.04.05.2002)',
      },
    },
    error: {
      UNAUTHENTICATED: 'Your session has ended, please sign in again.',
      FORBIDDEN: 'You are not allowed to do this.',
      BAD_USER_INPUT: 'Some values are not valid. Please check the form.',
      NOT_FOUND: 'This record does not exist or is outside your scope.',
      CONFLICT: 'This change conflicts with the current data.',
      INTERNAL_SERVER_ERROR: 'The server ran into a problem. Please try again later.',
      SERVICE_UNAVAILABLE: 'The server is busy. Please try again in %{wait}.',
      TOO_MANY_REQUESTS: 'Too many requests. Please try again in %{wait}.',
      conflict: {
        IN_USE: 'This record is still used by other records and cannot be deleted.',
        HAS_CHILDREN: 'A region that still has subdivisions cannot change its code.',
        SELF_LOCKOUT: 'You cannot delete or deactivate your own account, or change your own role.',
      },
    },
    role: {
      ADMIN: 'Administrator',
      REGENCY_OFFICIAL: 'Regency official',
      VILLAGE_HEAD: 'Village head',
      PARTNER: 'Partner',
      AUDITOR: 'Auditor',
    },
    village_type: {
      DESA: 'Desa (village)',
      KELURAHAN: 'Kelurahan (urban village)',
    },
    partner_type: {
      BUSINESS: 'Business',
      UMKM: 'Micro, small or medium enterprise (UMKM)',
      ARTIST_COMMUNITY: 'Artist community',
      LANGUAGE_EXTENSION: 'Language extension workers',
      VILLAGE_GOVERNMENT: 'Village government',
      OTHER: 'Other',
    },
    partner_status: {
      ACTIVE: 'Active',
      SUSPENDED: 'Suspended',
    },
    village: {
      type_from_code: 'Type (from the code): %{type}',
    },
    user: {
      new_password: 'New password',
      new_password_help: 'Leave empty to keep the current password.',
      password_help: 'At least %{min} characters.',
      scope: 'Scope',
      scope_help: {
        none: 'This role sees the whole program.',
        regency: 'The regency this official works for.',
        village: 'The village this head leads; the regency follows from it.',
        partner: 'The partner organisation of this account; the regency follows from it.',
      },
    },
  },
  resources: {
    Regency: {
      name: 'Regency |||| Regencies',
      fields: {
        id: 'ID',
        code: 'Code',
        name: 'Name',
        province: 'Province',
        provinceCode: 'Province code',
        workforceTarget: 'Workforce target',
        population: 'Population',
        createdAt: 'Created',
        updatedAt: 'Updated',
        districts: 'Districts',
      },
      filters: {
        q: 'Search',
        provinceCode: 'Province code',
      },
    },
    District: {
      name: 'District |||| Districts',
      fields: {
        id: 'ID',
        code: 'Code',
        name: 'Name',
        regencyId: 'Regency',
        createdAt: 'Created',
        updatedAt: 'Updated',
        villages: 'Villages',
      },
      filters: {
        q: 'Search',
        regencyId: 'Regency',
      },
    },
    Village: {
      name: 'Village |||| Villages',
      fields: {
        id: 'ID',
        code: 'Code',
        name: 'Name',
        type: 'Type',
        districtId: 'District',
        regencyId: 'Regency',
        createdAt: 'Created',
        updatedAt: 'Updated',
        partners: 'Partner organisations',
      },
      filters: {
        q: 'Search',
        regencyId: 'Regency',
        districtId: 'District',
        type: 'Type',
      },
    },
    User: {
      name: 'User |||| Users',
      fields: {
        id: 'ID',
        email: 'Email',
        password: 'Password',
        fullName: 'Full name',
        role: 'Role',
        regencyId: 'Regency',
        villageId: 'Village',
        partnerId: 'Partner organisation',
        active: 'Active',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
      filters: {
        q: 'Search',
        role: 'Role',
        regencyId: 'Regency',
        active: 'Active',
      },
    },
    PartnerOrganisation: {
      name: 'Partner organisation |||| Partner organisations',
      fields: {
        id: 'ID',
        name: 'Name',
        type: 'Type',
        status: 'Status',
        regencyId: 'Regency',
        villageId: 'Village',
        contactName: 'Contact person',
        contactPhone: 'Contact phone',
        contactEmail: 'Contact email',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
      filters: {
        q: 'Search',
        type: 'Type',
        status: 'Status',
        regencyId: 'Regency',
      },
    },
  },
};

export default en;
