/** The employee input schema (API and CSV import share it). */
import { z } from 'zod';
import { idSchema } from '../http/params';
import { parseNip } from './nip';

export const nipSchema = z
  .string({ error: 'Wajib diisi' })
  .trim()
  .superRefine((nip, ctx) => {
    const r = parseNip(nip);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });

export const employeeSchema = z.strictObject({
  nip: nipSchema,
  name: z.string({ error: 'Wajib diisi' }).trim().min(3, 'Minimal 3 karakter').max(200),
  employmentType: z.enum(['PNS', 'PPPK'], { error: 'Harus PNS atau PPPK' }),
  position: z.string({ error: 'Wajib diisi' }).trim().min(2, 'Wajib diisi').max(200),
  positionType: z.enum(['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'], {
    error: 'Harus JPT, ADMINISTRATOR, PENGAWAS, PELAKSANA atau FUNGSIONAL',
  }),
  grade: z.string().trim().max(20).nullable().optional(),
  unitId: idSchema(),
  superiorId: idSchema().nullable().optional(),
  baseAllowance: z
    .number()
    .int('Rupiah harus bilangan bulat')
    .min(0, 'Tidak boleh negatif')
    .max(1_000_000_000)
    .optional(),
  email: z.email('Format email tidak valid').nullable().optional(),
  status: z.enum(['ACTIVE', 'TRANSFERRED', 'LEFT']).optional(),
});

export type EmployeeInput = z.infer<typeof employeeSchema>;

/**
 * The employee columns a request or an import row may set, each named (a parsed input is never spread into a write).
 * Absent fields stay undefined, which an update leaves unchanged.
 */
export function employeeColumns(e: EmployeeInput): EmployeeInput;
export function employeeColumns(e: Partial<EmployeeInput>): Partial<EmployeeInput>;
export function employeeColumns(e: Partial<EmployeeInput>): Partial<EmployeeInput> {
  return {
    nip: e.nip,
    name: e.name,
    employmentType: e.employmentType,
    position: e.position,
    positionType: e.positionType,
    grade: e.grade,
    unitId: e.unitId,
    superiorId: e.superiorId,
    baseAllowance: e.baseAllowance,
    email: e.email,
    status: e.status,
  };
}
