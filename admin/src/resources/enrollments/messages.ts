/**
 * The words of the Enrollment pages, for the polyglot catalogues (admin/src/i18n/en.ts, id.ts):
 * spread `resources` into the catalogue's `resources` and `lindung` into its `lindung`.
 */
const en = {
  resources: {
    Enrollment: {
      name: 'Enrollment |||| Enrollments',
      fields: {
        id: 'ID',
        workerId: 'Worker',
        partnerId: 'Partner organisation',
        category: 'Category',
        programs: 'Programs',
        fundingSource: 'Funding source',
        startDate: 'Start date',
        endDate: 'End date',
        declaredIncome: 'Income or wage a month',
        riskClass: 'Risk class (JKK)',
        monthlyContribution: 'Contribution a month',
        contributionBreakdown: 'Contribution per program',
        status: 'Status',
        createdAt: 'Registered',
        updatedAt: 'Updated',
      },
      filters: {
        status: 'Status',
        category: 'Category',
        program: 'Program',
        fundingSource: 'Funding source',
        partnerId: 'Partner organisation',
        villageId: 'Village of the worker',
        workerId: 'Worker',
        startDateFrom: 'Starting from',
        startDateTo: 'Starting until',
      },
    },
  },
  lindung: {
    enrollment: {
      status: { PENDING: 'Pending', ACTIVE: 'Active', LAPSED: 'Lapsed', ENDED: 'Ended' },
      funding_source: {
        SELF: 'Self-paid',
        EMPLOYER: 'Employer',
        REGENCY_BUDGET: 'Regency budget (APBD)',
        VILLAGE_BUDGET: 'Village budget (APBDes)',
        OTHER: 'Other',
      },
      risk_class: {
        VERY_LOW: 'Very low',
        LOW: 'Low',
        MEDIUM: 'Medium',
        HIGH: 'High',
        VERY_HIGH: 'Very high',
      },
      risk_class_choice: '%{name} (%{percent} %)',
      programs_help: 'JKK and JKM are always included; the others depend on the category',
      choose_category: 'Choose a category first: it decides which programs are available.',
      declared_income_help: 'Rupiah a month: the declared income (BPU, PMI), the wage (PU) or the contract value (construction)',
      risk_class_help: 'The employer’s JKK risk class',
      status_help: 'Only the changes the workflow allows are offered',
      status_final: 'An ended enrollment stays ended; a new period is a new enrollment.',
      partner_help: 'The partner organisation reporting this enrollment (optional)',
      contribution: 'Contribution a month',
      contribution_incomplete: 'Fill in the category, programs, start date and income to see the contribution.',
      contribution_loading: 'Loading the rates in force on the start date…',
      contribution_unavailable: 'The rates in force could not be loaded; the contribution will be computed when saving.',
      contribution_problem: 'The contribution cannot be computed yet:',
      breakdown_empty: 'No breakdown',
      program: 'Program',
      amount: 'Amount',
      home: {
        enrollments: 'Enrollments',
        figure: 'active enrollments',
      },
    },
  },
};

type Catalogue = typeof en;

const id: Catalogue = {
  resources: {
    Enrollment: {
      name: 'Kepesertaan',
      fields: {
        id: 'ID',
        workerId: 'Pekerja',
        partnerId: 'Organisasi mitra',
        category: 'Kategori',
        programs: 'Program',
        fundingSource: 'Sumber dana',
        startDate: 'Tanggal mulai',
        endDate: 'Tanggal berakhir',
        declaredIncome: 'Penghasilan atau upah sebulan',
        riskClass: 'Kelas risiko (JKK)',
        monthlyContribution: 'Iuran sebulan',
        contributionBreakdown: 'Iuran per program',
        status: 'Status',
        createdAt: 'Didaftarkan',
        updatedAt: 'Diperbarui',
      },
      filters: {
        status: 'Status',
        category: 'Kategori',
        program: 'Program',
        fundingSource: 'Sumber dana',
        partnerId: 'Organisasi mitra',
        villageId: 'Desa/kelurahan pekerja',
        workerId: 'Pekerja',
        startDateFrom: 'Mulai sejak',
        startDateTo: 'Mulai sampai',
      },
    },
  },
  lindung: {
    enrollment: {
      status: { PENDING: 'Menunggu konfirmasi', ACTIVE: 'Aktif', LAPSED: 'Terhenti', ENDED: 'Berakhir' },
      funding_source: {
        SELF: 'Mandiri',
        EMPLOYER: 'Pemberi kerja',
        REGENCY_BUDGET: 'APBD kabupaten',
        VILLAGE_BUDGET: 'Dana desa (APBDes)',
        OTHER: 'Lainnya',
      },
      risk_class: {
        VERY_LOW: 'Sangat rendah',
        LOW: 'Rendah',
        MEDIUM: 'Sedang',
        HIGH: 'Tinggi',
        VERY_HIGH: 'Sangat tinggi',
      },
      risk_class_choice: '%{name} (%{percent}%)',
      programs_help: 'JKK dan JKM selalu termasuk; program lain tergantung kategori',
      choose_category: 'Pilih kategori lebih dulu: kategori menentukan program yang tersedia.',
      declared_income_help: 'Rupiah sebulan: penghasilan yang dilaporkan (BPU, PMI), upah (PU) atau nilai kontrak (jasa konstruksi)',
      risk_class_help: 'Kelas risiko JKK pemberi kerja',
      status_help: 'Hanya perubahan yang diizinkan alur kerja yang ditawarkan',
      status_final: 'Kepesertaan yang berakhir tetap berakhir; periode baru adalah kepesertaan baru.',
      partner_help: 'Organisasi mitra yang melaporkan kepesertaan ini (boleh dikosongkan)',
      contribution: 'Iuran sebulan',
      contribution_incomplete: 'Isi kategori, program, tanggal mulai dan penghasilan untuk melihat iurannya.',
      contribution_loading: 'Memuat tarif yang berlaku pada tanggal mulai…',
      contribution_unavailable: 'Tarif yang berlaku tidak dapat dimuat; iuran akan dihitung saat disimpan.',
      contribution_problem: 'Iuran belum dapat dihitung:',
      breakdown_empty: 'Tidak ada rincian',
      program: 'Program',
      amount: 'Jumlah',
      home: {
        enrollments: 'Kepesertaan',
        figure: 'kepesertaan aktif',
      },
    },
  },
};

export default { en, id };
export { en, id };
