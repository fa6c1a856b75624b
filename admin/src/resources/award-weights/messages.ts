/**
 * The words of the AwardWeight pages (the self-assessment's dated, editable weights), in both
 * languages: `resources.AwardWeight` and `lindung.award_weight`. The criteria's names are the
 * award pages' (`lindung.award.criterion`).
 */
export const en = {
  resources: {
    AwardWeight: {
      name: 'Award score weight |||| Award score weights',
      fields: {
        id: 'ID',
        criterion: 'Criterion',
        weight: 'Weight (points)',
        target: 'Target',
        validFrom: 'Valid from',
        validTo: 'Valid until',
        note: 'Note',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
      filters: {
        q: 'Search',
        criterion: 'Criterion',
        inForceOn: 'In force on',
      },
    },
  },
  lindung: {
    award_weight: {
      weight_help: 'The points the criterion is worth at most',
      target_help: 'The value that earns all the points, in the criterion’s unit',
      valid_to_help: 'Leave empty while it is in force',
      open_ended: 'No end date',
    },
  },
};

export const id: typeof en = {
  resources: {
    AwardWeight: {
      name: 'Bobot penilaian penghargaan',
      fields: {
        id: 'ID',
        criterion: 'Kriteria',
        weight: 'Bobot (poin)',
        target: 'Target',
        validFrom: 'Berlaku sejak',
        validTo: 'Berlaku sampai',
        note: 'Catatan',
        createdAt: 'Dibuat',
        updatedAt: 'Diperbarui',
      },
      filters: {
        q: 'Cari',
        criterion: 'Kriteria',
        inForceOn: 'Berlaku pada',
      },
    },
  },
  lindung: {
    award_weight: {
      weight_help: 'Poin terbanyak yang dapat diperoleh kriteria ini',
      target_help: 'Nilai yang memperoleh seluruh poin, dalam satuan kriteria',
      valid_to_help: 'Kosongkan selama masih berlaku',
      open_ended: 'Tanpa batas waktu',
    },
  },
};
