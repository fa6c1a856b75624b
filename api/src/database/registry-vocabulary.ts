/**
 * What the demo registry and the large-registry generator make people of: Balinese names,
 * occupations of Gianyar, a seeded random source and calendar arithmetic on `YYYY-MM-DD`.
 * Every word here is plain ASCII letters and spaces, so the domain's `nameKey` of a name built
 * from them is its lower case — which the generator computes in SQL.
 */
import type { Gender } from '@lindung/domain';

/** A title and whether a birth-order name follows it (I Wayan …, Ida Bagus Made …; Cokorda Gede … has none). */
export interface Title {
  title: string;
  birthOrder: boolean;
  weight: number;
}

export const MALE_TITLES: readonly Title[] = [
  { title: 'I', birthOrder: true, weight: 84 },
  { title: 'Ida Bagus', birthOrder: true, weight: 5 },
  { title: 'I Gusti Ngurah', birthOrder: false, weight: 3 },
  { title: 'I Dewa', birthOrder: true, weight: 3 },
  { title: 'Anak Agung Gede', birthOrder: false, weight: 3 },
  { title: 'Cokorda Gede', birthOrder: false, weight: 2 },
];

export const FEMALE_TITLES: readonly Title[] = [
  { title: 'Ni', birthOrder: true, weight: 84 },
  { title: 'Ida Ayu', birthOrder: true, weight: 5 },
  { title: 'I Gusti Ayu', birthOrder: true, weight: 3 },
  { title: 'Desak', birthOrder: true, weight: 3 },
  { title: 'Anak Agung Istri', birthOrder: false, weight: 3 },
  { title: 'Cokorda Istri', birthOrder: false, weight: 2 },
];

/** First-born Wayan / Putu / Gede, second Made / Kadek / Nengah, third Nyoman / Komang, fourth Ketut. */
export const MALE_BIRTH_ORDER = ['Wayan', 'Putu', 'Gede', 'Made', 'Kadek', 'Nengah', 'Nyoman', 'Komang', 'Ketut'] as const;
export const FEMALE_BIRTH_ORDER = ['Luh Putu', 'Putu', 'Wayan', 'Luh Made', 'Made', 'Kadek', 'Nengah', 'Nyoman', 'Komang', 'Ketut'] as const;

export const MALE_GIVEN = [
  'Sudarsana', 'Arsana', 'Suardana', 'Wirawan', 'Mertayasa', 'Sukadana', 'Adnyana', 'Budiarta', 'Darmawan', 'Suarjana',
  'Parwata', 'Sutama', 'Widiana', 'Artawan', 'Suastika', 'Wiguna', 'Sujana', 'Arimbawa', 'Sumerta', 'Sudiarta',
  'Kariasa', 'Juliarta', 'Sukarta', 'Astawa', 'Suwirya', 'Mahendra', 'Widnyana', 'Yudiana', 'Wirata', 'Sudana',
  'Sukerta', 'Suparta', 'Wijana', 'Karyasa', 'Ardana', 'Gunawan', 'Antara', 'Sutapa', 'Rai', 'Oka',
  'Suweta', 'Subrata', 'Sumadi', 'Mudana', 'Wardana', 'Ariawan', 'Dharmayasa', 'Purnama', 'Sukrawan', 'Jaya',
  'Suardika', 'Wirya', 'Redana', 'Sukarsa', 'Dana', 'Mertha', 'Sudirga', 'Swastika', 'Kardiasa', 'Suputra',
  'Sedana', 'Nuaja', 'Pastika', 'Wiratama', 'Adi Putra', 'Sukadi', 'Sumantra', 'Winarta', 'Kertiyasa', 'Artana',
  'Darma', 'Sukanada', 'Budiasa', 'Susila', 'Indrawan', 'Suteja', 'Wiradana', 'Gunarta', 'Sumantara', 'Mertanadi',
] as const;

export const FEMALE_GIVEN = [
  'Sriani', 'Sukerti', 'Suartini', 'Ariani', 'Wahyuni', 'Astiti', 'Sudiartini', 'Widiastuti', 'Kartika', 'Purnamasari',
  'Cahyani', 'Mardani', 'Sumiati', 'Rusmini', 'Suarni', 'Darmini', 'Sukarmi', 'Suciani', 'Yuliani', 'Rahayu',
  'Pratiwi', 'Sulastri', 'Mariani', 'Wartini', 'Sudarmi', 'Kusumawati', 'Ratnadi', 'Sukasih', 'Artini', 'Wiratni',
  'Puspitasari', 'Anggreni', 'Suryani', 'Sekar', 'Murniasih', 'Sumerti', 'Warsiki', 'Suastini', 'Candra', 'Resmini',
  'Sriasih', 'Arini', 'Mahayani', 'Widiantari', 'Sukarini', 'Partini', 'Suwarni', 'Yuniari', 'Novianti', 'Sudarni',
  'Juliantari', 'Paramita', 'Diantari', 'Sumariani', 'Wirati', 'Darmayanti', 'Sukreni', 'Wardani', 'Rastiti', 'Purniati',
  'Kariani', 'Suardani', 'Ekayanti', 'Sutarmi', 'Adnyani', 'Sriyani', 'Megayanti', 'Sulasmi', 'Ratnasari', 'Widhiasih',
] as const;

/** A second name, the closest Bali comes to a family name. */
export const MALE_SECOND = [
  'Putra', 'Saputra', 'Pratama', 'Wijaya', 'Santika', 'Permana', 'Adi', 'Mahardika', 'Sanjaya', 'Wibawa', 'Yasa', 'Negara',
  'Jelantik', 'Dwipayana', 'Kusuma', 'Wirawan', 'Arsana', 'Parwata',
] as const;
export const FEMALE_SECOND = [
  'Putri', 'Dewi', 'Lestari', 'Pertiwi', 'Sari', 'Utami', 'Maharani', 'Wulandari', 'Ayu', 'Jelantik',
  'Kusuma', 'Pradnyani', 'Suari', 'Astuti', 'Handayani', 'Cahyani',
] as const;

/** Occupations by the kind of partner that reaches the people doing them. */
export const OCCUPATIONS = {
  arts: ['Penari', 'Penari', 'Penabuh gamelan', 'Penabuh gamelan', 'Pelukis', 'Pemahat kayu', 'Pengrajin topeng', 'Dalang', 'Pembuat wayang'],
  craft: ['Pengrajin perak', 'Pemahat kayu', 'Pemahat batu', 'Tukang ukir', 'Pengrajin anyaman bambu', 'Penenun endek', 'Pelukis', 'Pengrajin emas'],
  informal: [
    'Petani', 'Petani', 'Petani', 'Peternak', 'Pedagang pasar', 'Pedagang canang', 'Serati banten', 'Buruh harian lepas',
    'Tukang bangunan', 'Sopir', 'Penjahit', 'Tukang pijat', 'Pedagang bakso', 'Pemetik kelapa', 'Tukang cukur',
  ],
  tourism: ['Pemandu wisata', 'Juru masak', 'Terapis spa', 'Petugas kebersihan hotel', 'Satpam', 'Pelayan restoran', 'Resepsionis', 'Tukang kebun'],
  construction: ['Tukang bangunan', 'Tukang batu', 'Kuli bangunan', 'Tukang kayu', 'Mandor'],
  fishing: ['Nelayan', 'Nelayan', 'Nelayan', 'Pedagang ikan', 'Pembuat jukung'],
  migrant: ['Awak kapal pesiar', 'Juru masak kapal pesiar', 'Terapis spa', 'Perawat lansia', 'Pelayan hotel'],
} as const;
export type OccupationGroup = keyof typeof OCCUPATIONS;

/**
 * A small, fast, seeded random source (mulberry32): the same seed gives the same sequence on every
 * machine, so the demo data is the same set on every start. Not for anything secret.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

/** A Balinese full name: title, birth-order name, given name and sometimes a second name. */
export function balineseName(rng: Rng, gender: Gender): string {
  const male = gender === 'MALE';
  const title = rng.weighted((male ? MALE_TITLES : FEMALE_TITLES).map((t) => [t, t.weight] as const));
  const parts = [title.title];
  if (title.birthOrder) parts.push(rng.pick(male ? MALE_BIRTH_ORDER : FEMALE_BIRTH_ORDER));
  parts.push(rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN));
  if (rng.chance(0.45)) parts.push(rng.pick(male ? MALE_SECOND : FEMALE_SECOND));
  return parts.join(' ');
}

/** The NIK of a person first registered in a kecamatan (6 digits, `510405`), born on a day, with a serial. */
export function composeNik(kecamatan6: string, birthDate: string, gender: Gender, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const encodedDay = Number(day) + (gender === 'FEMALE' ? 40 : 0);
  return `${kecamatan6}${String(encodedDay).padStart(2, '0')}${month}${year.slice(2)}${String(serial).padStart(4, '0')}`;
}

/** A mobile number as stored (digits, leading 0): 08 + operator digit + 8 or 9 digits. */
export function mobilePhone(rng: Rng): string {
  const prefix = rng.pick(['0812', '0813', '0819', '0821', '0822', '0852', '0857', '0878', '0896', '0838']);
  const rest = rng.chance(0.6) ? 8 : 7;
  let digits = '';
  for (let i = 0; i < rest; i += 1) digits += String(rng.int(10));
  return `${prefix}${digits}`;
}

// ---- calendar days, `YYYY-MM-DD`, in UTC arithmetic (no time zone involved) ----

const DAY_MS = 86_400_000;

export function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return toDay(dayMs(day) + days * DAY_MS);
}

/** The first of the month `months` after the month of `day`. */
export function addMonths(day: string, months: number): string {
  const date = new Date(dayMs(day));
  return toDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/** The last day of the month `months` after the month of `day` (0: its own month). */
export function endOfMonth(day: string, months = 0): string {
  return addDays(addMonths(day, months + 1), -1);
}

/** The first of a month between two months (inclusive), both `YYYY-MM`. */
export function monthBetween(rng: Rng, from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const span = (ty - fy) * 12 + (tm - fm);
  return addMonths(`${from}-01`, rng.int(span + 1));
}

/** A birth date for an age between `minAge` and `maxAge` on `asOf`, working ages more likely. */
export function birthDateFor(rng: Rng, asOf: string, minAge = 18, maxAge = 70): string {
  const [year, month, day] = asOf.split('-').map(Number);
  const youngest = Date.UTC(year - minAge, month - 1, day);
  // The day after the (maxAge + 1)th birthday falls on `asOf`: still maxAge.
  const span = youngest - (Date.UTC(year - maxAge - 1, month - 1, day) + DAY_MS);
  // Two draws averaged: more people in their thirties and forties than at either end.
  const share = rng.chance(0.25) ? rng.next() : (rng.next() + rng.next()) / 2;
  return toDay(Math.floor((youngest - share * span) / DAY_MS) * DAY_MS);
}
