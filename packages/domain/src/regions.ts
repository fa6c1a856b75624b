/**
 * Kemendagri region codes: province `51`, regency/city `51.04`, kecamatan `51.04.05`,
 * village `51.04.05.2002` (a village code starting with 2 is a desa, with 1 a kelurahan).
 */
import type { FieldReason } from './reasons';

export type RegionLevel = 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';
export const VillageType = { DESA: 'DESA', KELURAHAN: 'KELURAHAN' } as const;
export type VillageType = (typeof VillageType)[keyof typeof VillageType];

const PATTERNS: Record<RegionLevel, RegExp> = {
  PROVINCE: /^\d{2}$/,
  REGENCY: /^\d{2}\.\d{2}$/,
  DISTRICT: /^\d{2}\.\d{2}\.\d{2}$/,
  VILLAGE: /^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$/,
};

export function regionLevel(code: string): RegionLevel | null {
  for (const level of Object.keys(PATTERNS) as RegionLevel[]) {
    if (PATTERNS[level].test(code)) return level;
  }
  return null;
}

export function isRegionCode(code: string, level: RegionLevel): boolean {
  return PATTERNS[level].test(code);
}

/** The code of the unit one level up (`51.04.05.2002` → `51.04.05`), or null for a province. */
export function parentRegionCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

export function villageType(code: string): VillageType {
  return code.split('.')[3]?.startsWith('1') ? VillageType.KELURAHAN : VillageType.DESA;
}

/** Why a code is not a valid code of that level, or null when it is. */
export function regionCodeProblem(code: string, level: RegionLevel): FieldReason<'REGION_CODE'> | null {
  return isRegionCode(code, level) ? null : { code: 'REGION_CODE', params: { level } };
}

/** An example code of each level, for the words of REGION_CODE. */
export const REGION_CODE_EXAMPLES: Readonly<Record<RegionLevel, string>> = {
  PROVINCE: '51',
  REGENCY: '51.04',
  DISTRICT: '51.04.05',
  VILLAGE: '51.04.05.2002',
};
