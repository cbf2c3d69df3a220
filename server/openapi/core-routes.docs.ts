/** OpenAPI descriptions of the foundation routes (auth, health, units, employees, audit, skeleton). */
import { z } from 'zod';
import { employeeSchema } from '../employees/employee.schema';
import { describeRoutes } from './registry';

describeRoutes(
  { method: 'get', path: '/api/health', summary: 'Kesehatan: basis data dan Temporal', tag: 'system', access: 'public', responses: { '503': 'Bagian yang mati disebut' } },
  { method: 'post', path: '/api/auth/login', summary: 'Masuk; mengembalikan token bearer', tag: 'auth', access: 'public', body: z.object({ username: z.string(), password: z.string() }), responses: { '401': 'Nama pengguna atau kata sandi salah', '429': 'Terlalu banyak percobaan' } },
  { method: 'get', path: '/api/auth/me', summary: 'Pengguna saat ini', tag: 'auth' },
  { method: 'get', path: '/api/units', summary: 'Daftar unit', tag: 'units', list: true },
  { method: 'get', path: '/api/units/:id', summary: 'Satu unit', tag: 'units' },
  { method: 'post', path: '/api/units', summary: 'Buat unit', tag: 'units', access: ['HR_ADMIN'], body: z.object({ code: z.string(), name: z.string(), parentId: z.number().int().nullable().optional() }) },
  { method: 'put', path: '/api/units/:id', summary: 'Ubah unit', tag: 'units', access: ['HR_ADMIN'] },
  { method: 'delete', path: '/api/units/:id', summary: 'Hapus unit kosong', tag: 'units', access: ['HR_ADMIN'], responses: { '409': 'Unit tidak kosong' } },
  { method: 'get', path: '/api/employees', summary: 'Daftar pegawai (q, unitId, superiorId, positionType, employmentType, status)', tag: 'employees', list: true },
  { method: 'get', path: '/api/employees/:id', summary: 'Satu pegawai', tag: 'employees' },
  { method: 'post', path: '/api/employees', summary: 'Tambah pegawai (NIP divalidasi)', tag: 'employees', access: ['HR_ADMIN'], body: employeeSchema, responses: { '409': 'NIP sudah dipakai' } },
  { method: 'put', path: '/api/employees/:id', summary: 'Ubah pegawai, termasuk atasan langsung', tag: 'employees', access: ['HR_ADMIN'], body: employeeSchema.partial() },
  { method: 'get', path: '/api/audit-events', summary: 'Log audit (berantai hash)', tag: 'audit', access: ['AUDITOR', 'HR_ADMIN'], list: true },
  { method: 'get', path: '/api/audit-events/verify', summary: 'Verifikasi rantai hash; menyebut entri pertama yang diubah', tag: 'audit', access: ['AUDITOR', 'HR_ADMIN'] },
  { method: 'get', path: '/api/audit-events/export.csv', summary: 'Ekspor CSV log audit', tag: 'audit', access: ['AUDITOR', 'HR_ADMIN'] },
  { method: 'post', path: '/api/skeleton-runs', summary: 'Walking skeleton: API → Temporal → aktivitas → basis data', tag: 'system', access: ['HR_ADMIN'] },
  { method: 'get', path: '/api/openapi.json', summary: 'Dokumen OpenAPI 3.1 ini', tag: 'system', access: 'public' },
);
