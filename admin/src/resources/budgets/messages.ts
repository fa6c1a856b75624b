/**
 * The words of the Budget pages (a regency's budget for vulnerable workers, one per fiscal year),
 * in both languages: `resources.Budget` and `lindung.budget`.
 */
export const en = {
  resources: {
    Budget: {
      name: 'Budget |||| Budgets',
      fields: {
        id: 'ID',
        regencyId: 'Regency',
        fiscalYear: 'Fiscal year',
        name: 'Budget document',
        amount: 'Amount',
        committed: 'Committed',
        remaining: 'Remaining',
        targetWorkers: 'Target workers',
        workersFunded: 'Workers funded',
        amendment: 'Amending document',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
      filters: {
        q: 'Search',
        regencyId: 'Regency',
        fiscalYear: 'Fiscal year',
      },
    },
  },
  lindung: {
    budget: {
      committed_progress: 'Committed %{committed} of %{amount} (%{percent})',
      workers_progress: '%{funded} of %{target} workers funded (%{percent})',
      workers_no_target: '%{funded} workers funded; no target set',
      name_help: 'The budget document, e.g. “APBD 2026”',
      amount_help: 'Rupiah for JKK + JKM cover of vulnerable workers this fiscal year',
      amount_edit_help: 'Changing the amount is an amendment (APBD Perubahan): name its document below. It cannot go below what is committed (%{committed}).',
      amendment_help: 'Required when the amount changes: the document that changes it, e.g. “APBD Perubahan 2026”. Kept in the audit trail.',
      amendment_required: 'Name the document that changes the amount',
      target_help: 'How many vulnerable workers the budget aims to fund (optional)',
      committed_help: 'Committed only by the decisions on proposals; never edited by hand.',
      fiscal_year_fixed: 'A budget’s regency and fiscal year do not change.',
    },
  },
};

export const id: typeof en = {
  resources: {
    Budget: {
      name: 'Anggaran',
      fields: {
        id: 'ID',
        regencyId: 'Kabupaten/Kota',
        fiscalYear: 'Tahun anggaran',
        name: 'Dokumen anggaran',
        amount: 'Pagu',
        committed: 'Terikat',
        remaining: 'Sisa',
        targetWorkers: 'Target pekerja',
        workersFunded: 'Pekerja dibiayai',
        amendment: 'Dokumen perubahan',
        createdAt: 'Dibuat',
        updatedAt: 'Diperbarui',
      },
      filters: {
        q: 'Cari',
        regencyId: 'Kabupaten/Kota',
        fiscalYear: 'Tahun anggaran',
      },
    },
  },
  lindung: {
    budget: {
      committed_progress: 'Terikat %{committed} dari %{amount} (%{percent})',
      workers_progress: '%{funded} dari %{target} pekerja dibiayai (%{percent})',
      workers_no_target: '%{funded} pekerja dibiayai; tanpa target',
      name_help: 'Dokumen anggaran, mis. “APBD 2026”',
      amount_help: 'Rupiah untuk perlindungan JKK + JKM pekerja rentan pada tahun anggaran ini',
      amount_edit_help:
        'Mengubah pagu berarti perubahan anggaran (APBD Perubahan): sebutkan dokumennya di bawah. Pagu tidak boleh kurang dari yang sudah terikat (%{committed}).',
      amendment_help: 'Wajib bila pagu berubah: dokumen yang mengubahnya, mis. “APBD Perubahan 2026”. Dicatat di jejak audit.',
      amendment_required: 'Sebutkan dokumen yang mengubah pagu',
      target_help: 'Jumlah pekerja rentan yang ingin dibiayai (boleh dikosongkan)',
      committed_help: 'Hanya bertambah melalui keputusan atas usulan; tidak pernah diubah manual.',
      fiscal_year_fixed: 'Kabupaten dan tahun anggaran sebuah anggaran tidak berubah.',
    },
  },
};
