import type { Language } from './catalogue.js';

// Building Intl formatters is costly and every order reply shows dates.
const EN = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const ZH_DAY = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', timeZone: 'UTC' });
const ZH_WEEKDAY = new Intl.DateTimeFormat('zh-CN', { weekday: 'short', timeZone: 'UTC' });

/**
 * Formats an ISO date or time as a day people read at a glance: "Tue 3 Dec", "12月3日（周二）".
 *
 * @remarks A bare `YYYY-MM-DD` is read at noon UTC so it names the same day in every time zone.
 */
export function formatDay(iso: string, language: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (language === 'zh') return `${ZH_DAY.format(date)}（${ZH_WEEKDAY.format(date)}）`;
  return EN.format(date);
}
