import { amountFor, monthlyContribution, programsProblem, rateInForce, reasonText, type ContributionRateParams } from '@lindung/domain';

// DOMAIN.md's figures, as the API seeds them (a test copy: the rule under test is the arithmetic).
const rate = (over: Partial<ContributionRateParams> & Pick<ContributionRateParams, 'program' | 'category'>): ContributionRateParams => ({
  bracket: null,
  percent: null,
  flatAmount: null,
  minimumAmount: null,
  maximumBase: null,
  validFrom: '2015-07-01',
  validTo: null,
  ...over,
});
const RATES = [
  rate({ program: 'JKK', category: 'BPU', percent: 1, minimumAmount: 10_000 }),
  rate({ program: 'JKM', category: 'BPU', flatAmount: 6_800 }),
  rate({ program: 'JHT', category: 'BPU', percent: 2 }),
  rate({ program: 'JKK', category: 'PU', bracket: 'VERY_LOW', percent: 0.24 }),
  rate({ program: 'JKK', category: 'PU', bracket: 'VERY_HIGH', percent: 1.74 }),
  rate({ program: 'JKM', category: 'PU', percent: 0.3 }),
  rate({ program: 'JHT', category: 'PU', percent: 5.7 }),
  rate({ program: 'JP', category: 'PU', percent: 3, maximumBase: 10_042_300 }),
  rate({ program: 'JKP', category: 'PU', percent: 0.46 }),
  rate({ program: 'JKK', category: 'JAKON', bracket: 'UP_TO_100M', percent: 0.21, maximumBase: 100_000_000 }),
];

describe('contributions', () => {
  it('should cost a vulnerable worker (BPU JKK + JKM, lowest bracket) Rp16,800 a month', () => {
    const result = monthlyContribution({ category: 'BPU', programs: ['JKK', 'JKM'], base: 1_000_000, on: '2025-10-01' }, RATES);
    expect(result).toEqual({
      total: 16_800,
      breakdown: [
        { program: 'JKK', amount: 10_000, rateId: null },
        { program: 'JKM', amount: 6_800, rateId: null },
      ],
      missingRates: [],
    });
  });

  it('should apply the BPU JKK minimum below Rp1,000,000 and the percentage above it', () => {
    const jkk = RATES[0];
    expect(amountFor(jkk, 500_000)).toBe(10_000);
    expect(amountFor(jkk, 2_500_000)).toBe(25_000);
  });

  it('should price a PU wage by risk class, with the JP wage cap', () => {
    const pu = monthlyContribution(
      { category: 'PU', programs: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'], base: 5_000_000, brackets: { JKK: 'VERY_LOW' }, on: '2026-01-01' },
      RATES,
    );
    expect(pu.breakdown.map((p) => [p.program, p.amount])).toEqual([
      ['JKK', 12_000],
      ['JKM', 15_000],
      ['JHT', 285_000],
      ['JP', 150_000],
      ['JKP', 23_000],
    ]);
    expect(amountFor(RATES[7], 20_000_000)).toBe(301_269); // 3 % of the cap, rounded to the rupiah
    expect(amountFor(RATES[4], 5_000_000)).toBe(87_000);
  });

  it('should report a program with no rate in force on the day, and pick the rate by date', () => {
    const dated = [
      rate({ program: 'JKM', category: 'BPU', flatAmount: 6_800, validTo: '2025-12-31' }),
      rate({ program: 'JKM', category: 'BPU', flatAmount: 7_000, validFrom: '2026-01-01' }),
    ];
    expect(rateInForce(dated, { program: 'JKM', category: 'BPU' }, '2025-12-31')?.flatAmount).toBe(6_800);
    expect(rateInForce(dated, { program: 'JKM', category: 'BPU' }, '2026-01-01')?.flatAmount).toBe(7_000);
    expect(monthlyContribution({ category: 'BPU', programs: ['JKK', 'JKM'], base: 1_000_000, on: '2026-02-01' }, dated).missingRates).toEqual(['JKK']);
  });

  it.each([
    ['BPU', ['JKK', 'JKM'], null],
    ['BPU', ['JKK', 'JKM', 'JHT'], null],
    ['BPU', ['JKK', 'JKM', 'JP'], { code: 'PROGRAM_NOT_ALLOWED', params: { programs: ['JP'], category: 'BPU' } }],
    ['BPU', ['JKK'], { code: 'PROGRAMS_MISSING', params: { programs: ['JKM'] } }],
    ['BPU', ['JKK', 'JKM', 'JKK'], { code: 'PROGRAM_TWICE' }],
    ['PU', ['JKK', 'JKM', 'JHT', 'JP', 'JKP'], null],
    ['JAKON', ['JKK', 'JKM', 'JHT'], { code: 'PROGRAM_NOT_ALLOWED', params: { programs: ['JHT'], category: 'JAKON' } }],
    ['PMI', ['JKK', 'JKM', 'JHT'], null],
  ] as const)('should check programs for %s %j', (category, programs, problem) => {
    expect(programsProblem(category, programs)).toEqual(problem);
  });

  it('should word a programs problem in English for API clients', () => {
    expect(reasonText(programsProblem('BPU', ['JKK', 'JKM', 'JP'])!)).toBe('JP not available for BPU');
    expect(reasonText(programsProblem('BPU', ['JKK'])!)).toBe('must include JKM');
  });
});
