/**
 * The words of the Regulation pages (regional regulations on worker protection, a criterion of
 * the award's self-assessment), in both languages: `resources.Regulation` and `lindung.regulation`.
 */
export const en = {
  resources: {
    Regulation: {
      name: 'Regulation |||| Regulations',
      fields: {
        id: 'ID',
        regencyId: 'Regency',
        title: 'Title',
        validFrom: 'In force from',
        validTo: 'In force until',
        inForce: 'In force',
        createdAt: 'Recorded',
        updatedAt: 'Updated',
      },
      filters: {
        q: 'Search',
        regencyId: 'Regency',
      },
    },
  },
  lindung: {
    regulation: {
      title_help: 'The regulation’s name and number, e.g. “Perbup Gianyar 35/2025 (Perisai Aman)”',
      valid_to_help: 'Leave empty while it is in force',
      open_ended: 'No end date',
    },
  },
};

export const id: typeof en = {
  resources: {
    Regulation: {
      name: 'Regulasi',
      fields: {
        id: 'ID',
        regencyId: 'Kabupaten/Kota',
        title: 'Judul',
        validFrom: 'Berlaku sejak',
        validTo: 'Berlaku sampai',
        inForce: 'Berlaku',
        createdAt: 'Dicatat',
        updatedAt: 'Diperbarui',
      },
      filters: {
        q: 'Cari',
        regencyId: 'Kabupaten/Kota',
      },
    },
  },
  lindung: {
    regulation: {
      title_help: 'Nama dan nomor regulasi, mis. “Perbup Gianyar 35/2025 (Perisai Aman)”',
      valid_to_help: 'Kosongkan selama masih berlaku',
      open_ended: 'Tanpa batas waktu',
    },
  },
};
