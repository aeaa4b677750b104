/**
 * The summary's time stamp as a person reads it: local time, with the time zone it is in
 * (2026-12-03 06:10:00 UTC+08:00 Asia/Shanghai), never a bare UTC instant an auditor has to convert.
 */

/** The zone of this machine (the `TZ` variable, else the system's), as an IANA name. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * An ISO instant as local date and time with the zone's UTC offset and name. `timeZone` defaults
 * to this machine's; an unknown zone or an unreadable instant gives the text back unchanged.
 */
export function localTimestamp(iso: string, timeZone: string = localTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
    }).formatToParts(date);
  } catch {
    return iso;
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  // longOffset writes GMT+08:00, or a bare GMT at offset zero.
  const offset = part('timeZoneName').replace(/^GMT/, 'UTC') || 'UTC';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${offset === 'UTC' ? 'UTC+00:00' : offset} ${timeZone}`;
}
