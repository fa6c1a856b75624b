/**
 * The words of the CoverageReport pages (official coverage figures as published), in both
 * languages: `resources.CoverageReport` and `lindung.coverage_report`.
 */
export const en = {
  resources: {
    CoverageReport: {
      name: 'Coverage report |||| Coverage reports',
      fields: {
        id: 'ID',
        regencyId: 'Regency',
        asOf: 'As of',
        protectedWorkers: 'Protected workers',
        source: 'Source',
        rate: 'Coverage of the workforce target',
        createdAt: 'Recorded',
        updatedAt: 'Updated',
      },
      filters: {
        q: 'Search',
        regencyId: 'Regency',
        asOfFrom: 'As of, from',
        asOfTo: 'As of, until',
      },
    },
  },
  lindung: {
    coverage_report: {
      as_of_help: 'The day the figure describes',
      protected_help: 'Workers protected by BPJS Ketenagakerjaan, as published',
      source_help: 'Who published it, e.g. “BPJS Ketenagakerjaan via Antara”',
      rate_value: '%{rate} of %{target}',
      no_target: 'The regency has no workforce target',
    },
  },
};

export const id: typeof en = {
  resources: {
    CoverageReport: {
      name: 'Laporan cakupan',
      fields: {
        id: 'ID',
        regencyId: 'Kabupaten/Kota',
        asOf: 'Per tanggal',
        protectedWorkers: 'Pekerja terlindungi',
        source: 'Sumber',
        rate: 'Cakupan dari target angkatan kerja',
        createdAt: 'Dicatat',
        updatedAt: 'Diperbarui',
      },
      filters: {
        q: 'Cari',
        regencyId: 'Kabupaten/Kota',
        asOfFrom: 'Per tanggal, sejak',
        asOfTo: 'Per tanggal, sampai',
      },
    },
  },
  lindung: {
    coverage_report: {
      as_of_help: 'Tanggal yang digambarkan angka tersebut',
      protected_help: 'Pekerja yang terlindungi BPJS Ketenagakerjaan, sesuai publikasi',
      source_help: 'Siapa yang memublikasikan, mis. “BPJS Ketenagakerjaan via Antara”',
      rate_value: '%{rate} dari %{target}',
      no_target: 'Kabupaten belum memiliki target angkatan kerja',
    },
  },
};
