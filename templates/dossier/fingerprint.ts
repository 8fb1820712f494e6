/**
 * What the fingerprint covers: the inputs (members, scorecard, scores, indicators, votes, people, rule set)
 * and the results (ranking, totals, ratings, proposals), as one canonical text: keys sorted, numbers as JSON.
 * The host hashes it (SHA-256, shortened); the same figures always give the same fingerprint.
 */
import { type ClusterDocument, type NominationReport, type ResultDocument, SEALED_FIELDS } from '../../core';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export function fingerprintPayload(
  doc: ClusterDocument,
  result: ResultDocument,
  report: Pick<NominationReport, 'ruleSet' | 'nominations'>,
): string {
  const inputs: Record<string, unknown> = {};
  for (const k of SEALED_FIELDS) inputs[k] = (doc as unknown as Record<string, unknown>)[k];
  return canonical({
    inputs,
    results: result.units.map((u) => ({
      unit: u.unit,
      rank: u.rank,
      self: u.self?.total,
      verified: u.verified?.total,
      tier: u.tier,
      met: u.indicators.met,
      exceeded: u.indicators.exceeded,
    })),
    ruleSet: report.ruleSet,
    proposals: report.nominations.map((n) => [n.award, n.candidate]),
  });
}

/** "3f9a2c7d1b" → "3F9A-2C7D-1B": short enough to read aloud, long enough not to collide by chance. */
export function formatFingerprint(hex: string): string {
  const s = hex.slice(0, 10).toUpperCase();
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
