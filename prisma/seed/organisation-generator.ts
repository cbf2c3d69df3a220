/**
 * Generates a realistic city government of N employees: a Regional Secretary, OPD heads, field heads
 * (administrator), section heads (pengawas) and staff, in a proper reporting tree with valid NIPs.
 * Deterministic for a given seed, so demo data and benchmarks are reproducible.
 */
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, OPD, SECTIONS, STAFF_POSITIONS, TITLES } from './names';

export interface GeneratedUnit {
  key: string;
  code: string;
  name: string;
  parentKey: string | null;
}

export interface GeneratedEmployee {
  key: string;
  nip: string;
  name: string;
  employmentType: 'PNS' | 'PPPK';
  position: string;
  positionType: 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
  grade: string;
  unitKey: string;
  superiorKey: string | null;
  baseAllowance: number;
}

/** Small seeded PRNG (mulberry32): deterministic demo data without a dependency. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

const ALLOWANCE: Record<GeneratedEmployee['positionType'], number> = {
  JPT: 18_500_000,
  ADMINISTRATOR: 11_250_000,
  PENGAWAS: 7_800_000,
  FUNGSIONAL: 5_400_000,
  PELAKSANA: 4_150_000,
};
const GRADE: Record<GeneratedEmployee['positionType'], string> = {
  JPT: 'IV/c',
  ADMINISTRATOR: 'IV/a',
  PENGAWAS: 'III/d',
  FUNGSIONAL: 'III/b',
  PELAKSANA: 'II/c',
};

/** Generates units and employees; `employees` is the exact number of employees produced. */
export function generateOrganisation(options: { employees: number; seed?: number; cityName?: string }): {
  units: GeneratedUnit[];
  employees: GeneratedEmployee[];
} {
  const n = Math.max(1, Math.floor(options.employees));
  const rnd = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const units: GeneratedUnit[] = [];
  const employees: GeneratedEmployee[] = [];
  const sequences = new Map<string, number>();

  const makeNip = (age: number, female: boolean) => {
    const birthYear = 2026 - age;
    const birth = `${birthYear}${pad(1 + Math.floor(rnd() * 12), 2)}${pad(1 + Math.floor(rnd() * 28), 2)}`;
    const apptYear = Math.min(2025, birthYear + 22 + Math.floor(rnd() * Math.max(1, age - 23)));
    const prefix = `${birth}${apptYear}${pad(1 + Math.floor(rnd() * 12), 2)}${female ? '2' : '1'}`;
    const seq = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, seq);
    return `${prefix}${pad(seq, 3)}`;
  };
  const add = (
    e: Omit<GeneratedEmployee, 'key' | 'nip' | 'name' | 'grade' | 'baseAllowance' | 'employmentType'>,
    age: number,
  ): GeneratedEmployee | null => {
    if (employees.length >= n) return null;
    const female = rnd() < 0.48;
    const title = pick(TITLES);
    const name = `${pick(female ? FEMALE_NAMES : MALE_NAMES)} ${pick(FAMILY_NAMES)}${title ? `, ${title}` : ''}`;
    const pppk = (e.positionType === 'FUNGSIONAL' || e.positionType === 'PELAKSANA') && rnd() < 0.22;
    const emp: GeneratedEmployee = {
      ...e,
      key: `E${employees.length + 1}`,
      nip: makeNip(age, female),
      name,
      employmentType: pppk ? 'PPPK' : 'PNS',
      grade: pppk ? 'IX' : GRADE[e.positionType],
      baseAllowance: ALLOWANCE[e.positionType],
    };
    employees.push(emp);
    return emp;
  };

  const city = options.cityName ?? 'Kota Sukamaju';
  units.push({ key: 'U0', code: 'PEMKOT', name: `Pemerintah ${city}`, parentKey: null });
  units.push({ key: 'U-SETDA', code: 'SETDA', name: 'Sekretariat Daerah', parentKey: 'U0' });
  const sekda = add(
    { position: `Sekretaris Daerah ${city}`, positionType: 'JPT', unitKey: 'U-SETDA', superiorKey: null },
    54,
  )!;

  const opdCount = Math.min(OPD.length * 4, Math.max(3, Math.ceil((n - 1) / 14)));
  const perOpd = Math.floor((n - 1) / opdCount);
  for (let o = 0; o < opdCount && employees.length < n; o++) {
    const tpl = OPD[o % OPD.length];
    const suffix = o >= OPD.length ? ` ${Math.floor(o / OPD.length) + 1}` : '';
    const opdKey = `U-O${o}`;
    units.push({ key: opdKey, code: `${tpl.code}${suffix.trim()}`, name: `${tpl.name}${suffix}`, parentKey: 'U0' });
    const head = add(
      { position: `Kepala ${tpl.name}`, positionType: 'JPT', unitKey: opdKey, superiorKey: sekda.key },
      50 + Math.floor(rnd() * 6),
    );
    if (!head) break;
    const budget = o === opdCount - 1 ? n - employees.length : perOpd - 1;
    const fieldCount = Math.max(1, Math.min(tpl.fields.length, Math.ceil(budget / 9)));
    const perField = Math.floor(budget / fieldCount);
    for (let f = 0; f < fieldCount; f++) {
      const fieldKey = `${opdKey}-B${f}`;
      const field = tpl.fields[f % tpl.fields.length];
      units.push({
        key: fieldKey,
        code: `${tpl.code}${suffix.trim()}.B${f + 1}`,
        name: `Bidang ${field}`,
        parentKey: opdKey,
      });
      const fieldHead = add(
        { position: `Kepala Bidang ${field}`, positionType: 'ADMINISTRATOR', unitKey: fieldKey, superiorKey: head.key },
        44 + Math.floor(rnd() * 8),
      );
      if (!fieldHead) break;
      let left = (f === fieldCount - 1 ? budget - perField * (fieldCount - 1) : perField) - 1;
      let s = 0;
      while (left > 0 && employees.length < n) {
        const sectionKey = `${fieldKey}-S${s}`;
        const section = SECTIONS[s % SECTIONS.length];
        units.push({
          key: sectionKey,
          code: `${tpl.code}${suffix.trim()}.B${f + 1}.S${s + 1}`,
          name: `Seksi ${section} ${field}`,
          parentKey: fieldKey,
        });
        const sectionHead = add(
          {
            position: `Kepala Seksi ${section}`,
            positionType: 'PENGAWAS',
            unitKey: sectionKey,
            superiorKey: fieldHead.key,
          },
          38 + Math.floor(rnd() * 10),
        );
        left--;
        if (!sectionHead) break;
        const staff = Math.min(left, 7);
        for (let k = 0; k < staff; k++) {
          const p = pick(STAFF_POSITIONS);
          add(
            { position: p.position, positionType: p.type, unitKey: sectionKey, superiorKey: sectionHead.key },
            25 + Math.floor(rnd() * 25),
          );
        }
        left -= staff;
        s++;
      }
    }
  }
  // Whatever rounding left over joins the Regional Secretariat's staff.
  while (employees.length < n) {
    const p = pick(STAFF_POSITIONS);
    add({ position: p.position, positionType: p.type, unitKey: 'U-SETDA', superiorKey: sekda.key }, 30);
  }
  return { units, employees };
}
