/**
 * The words of the partner organisation pages, in both languages, shaped for the polyglot catalogue:
 * `resources.PartnerOrganisation` (complete: it replaces the block en.ts / id.ts had) and
 * `lindung.partner` (the suspend / reactivate dialog, the related lists).
 */
export const en = {
  resources: {
    PartnerOrganisation: {
      name: 'Partner organisation |||| Partner organisations',
      fields: {
        id: 'ID',
        name: 'Name',
        type: 'Type',
        status: 'Status',
        regencyId: 'Regency',
        villageId: 'Village',
        npp: 'NPP (BPJS employer number)',
        address: 'Address',
        contactName: 'Contact person',
        contactPhone: 'Contact phone',
        contactEmail: 'Contact email',
        statusReason: 'Reason for the status',
        statusChangedAt: 'Status changed',
        workerCount: 'Workers',
        activeEnrollmentCount: 'Active enrollments',
        createdAt: 'Created',
        updatedAt: 'Updated',
        users: 'Accounts',
        workers: 'Workers',
        enrollments: 'Enrollments',
      },
      filters: {
        q: 'Search',
        type: 'Type',
        status: 'Status',
        regencyId: 'Regency',
        villageId: 'Village',
      },
    },
  },
  lindung: {
    partner: {
      contact: 'Contact',
      npp_help: '8 digits, as on the BPJS Ketenagakerjaan registration',
      village_help: 'Optional; only villages of the chosen regency',
      village_needs_regency: 'Choose the regency first',
      contact_only_help: 'You can keep your organisation’s contact details up to date; the other details are kept by the program administrator.',
      suspend: 'Suspend',
      reactivate: 'Reactivate',
      suspend_title: 'Suspend %{name}',
      reactivate_title: 'Reactivate %{name}',
      suspend_help:
        'Its accounts keep reading but can no longer report workers or enrollments. The reason is kept with the organisation and in the audit trail.',
      reactivate_help: 'Its accounts can report workers and enrollments again. The reason is kept with the organisation and in the audit trail.',
      reason: 'Reason',
      reason_help: 'A few words: at least %{min} characters and two words',
      suspended: 'The partner organisation is suspended',
      reactivated: 'The partner organisation is active again',
      suspended_notice: 'Suspended since %{date}: %{reason}',
      no_workers: 'No workers reported yet',
      no_enrollments: 'No enrollments yet',
      no_users: 'No accounts',
    },
  },
};

export const id: typeof en = {
  resources: {
    PartnerOrganisation: {
      name: 'Organisasi mitra',
      fields: {
        id: 'ID',
        name: 'Nama',
        type: 'Jenis',
        status: 'Status',
        regencyId: 'Kabupaten/Kota',
        villageId: 'Desa/Kelurahan',
        npp: 'NPP (nomor pendaftaran perusahaan BPJS)',
        address: 'Alamat',
        contactName: 'Narahubung',
        contactPhone: 'Telepon narahubung',
        contactEmail: 'Email narahubung',
        statusReason: 'Alasan status',
        statusChangedAt: 'Status diubah',
        workerCount: 'Pekerja',
        activeEnrollmentCount: 'Kepesertaan aktif',
        createdAt: 'Dibuat',
        updatedAt: 'Diperbarui',
        users: 'Akun',
        workers: 'Pekerja',
        enrollments: 'Kepesertaan',
      },
      filters: {
        q: 'Cari',
        type: 'Jenis',
        status: 'Status',
        regencyId: 'Kabupaten/Kota',
        villageId: 'Desa/Kelurahan',
      },
    },
  },
  lindung: {
    partner: {
      contact: 'Kontak',
      npp_help: '8 angka, sesuai pendaftaran BPJS Ketenagakerjaan',
      village_help: 'Boleh dikosongkan; hanya desa/kelurahan di kabupaten yang dipilih',
      village_needs_regency: 'Pilih kabupaten/kota terlebih dahulu',
      contact_only_help: 'Anda dapat memperbarui data kontak organisasi Anda; data lainnya dikelola administrator program.',
      suspend: 'Tangguhkan',
      reactivate: 'Aktifkan kembali',
      suspend_title: 'Tangguhkan %{name}',
      reactivate_title: 'Aktifkan kembali %{name}',
      suspend_help:
        'Akun-akunnya tetap dapat melihat data tetapi tidak dapat lagi melaporkan pekerja atau kepesertaan. Alasannya disimpan bersama organisasi dan di jejak audit.',
      reactivate_help:
        'Akun-akunnya dapat kembali melaporkan pekerja dan kepesertaan. Alasannya disimpan bersama organisasi dan di jejak audit.',
      reason: 'Alasan',
      reason_help: 'Beberapa kata: minimal %{min} karakter dan dua kata',
      suspended: 'Organisasi mitra telah ditangguhkan',
      reactivated: 'Organisasi mitra telah aktif kembali',
      suspended_notice: 'Ditangguhkan sejak %{date}: %{reason}',
      no_workers: 'Belum ada pekerja yang dilaporkan',
      no_enrollments: 'Belum ada kepesertaan',
      no_users: 'Tidak ada akun',
    },
  },
};
