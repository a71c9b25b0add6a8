/**
 * The date written into PDFs. Builds are reproducible: SOURCE_DATE_EPOCH wins
 * (reproducible-builds.org), otherwise the content's own date, never the clock.
 */
export function documentDate(env: NodeJS.ProcessEnv, contentDate: string | undefined): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (contentDate && /^\d{4}-\d{2}-\d{2}$/.test(contentDate)) return new Date(`${contentDate}T00:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}
