// HTTP calls of docs/api.md, with the signed-in user's bearer token.
import type { Discrepancy, DrillView, IncidentView, MdlCollection, Sensor } from './types';

let bearer: string | undefined;

export function useToken(token: string | undefined): void {
  bearer = token;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }

  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let detail = `${method} ${url} answered ${response.status}`;
    try {
      const problem = (await response.json()) as { title?: string; errors?: { field?: string; reason?: string }[] };
      const reasons = (problem.errors ?? []).map((e) => `${e.field ?? ''} ${e.reason ?? ''}`.trim()).join('; ');
      detail = [problem.title, reasons].filter(Boolean).join(': ') || detail;
    } catch {
      // not JSON
    }

    throw new ApiError(response.status, detail);
  }

  return (await response.json()) as T;
}

export const api = {
  mdl: () => call<MdlCollection>('GET', '/api/mdl'),
  discrepancies: (minM = 20) => call<Discrepancy[]>('GET', `/api/mdl/discrepancies?minM=${minM}`),
  sensors: () => call<Sensor[]>('GET', '/api/sensors'),
  incidents: (status?: 'open' | 'closed', sector?: string) => {
    const query = new URLSearchParams();
    if (status) query.set('status', status);
    if (sector) query.set('sector', sector);
    const q = query.toString();
    return call<IncidentView[]>('GET', `/api/incidents${q ? `?${q}` : ''}`);
  },
  surveyMarker: (n: number, status: string, surveyedAt: string) =>
    call<{ version: number; policy: string }>('PUT', `/api/markers/${n}`, { status, surveyedAt }),
  drill: (id: string) => call<DrillView>('GET', `/api/drills/${encodeURIComponent(id)}`),
};

/** The static basemap shipped with the host (anonymous, no token). */
export async function basemap(): Promise<GeoJSON.FeatureCollection> {
  const response = await fetch('/data/korea-basemap-naturalearth-10m.geojson');
  if (!response.ok) {
    throw new ApiError(response.status, 'basemap not found');
  }

  return (await response.json()) as GeoJSON.FeatureCollection;
}
