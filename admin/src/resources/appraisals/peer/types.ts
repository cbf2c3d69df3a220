/** GET /api/appraisals/:id/peer-feedback as the console reads it (server/appraisals/peer-feedback.routes.ts). */
export interface PeerValues {
  [value: string]: { rating: 'ABOVE' | 'MEETS' | 'BELOW'; note: string | null };
}
export interface PeerRequest {
  id?: number;
  peer: { id?: number; name: string; nip?: string; position?: string | null };
  requestedBy?: { id: number; name: string } | null;
  status?: 'REQUESTED' | 'ANSWERED' | 'EXPIRED';
  dueAt?: string;
  answeredAt?: string | null;
  values: PeerValues | null;
  note: string | null;
}
export interface PeerRound {
  appraisalId: number;
  max: number;
  days: number;
  named: boolean;
  anonymous: boolean;
  requests: PeerRequest[];
  summary: {
    answered: number;
    values: Record<string, { counts: Record<'ABOVE' | 'MEETS' | 'BELOW', number>; notes: string[] }>;
    notes: string[];
  };
}
