/**
 * 预约 rules, pure: the slots of a working day, their capacity, and the no-show rule (爽约).
 */

export interface Slot {
  start: Date;
  end: Date;
}

export interface Hours {
  opens: string;
  closes: string;
  /** "12:00-13:30" or "" for none. */
  lunch: string;
  slotMinutes: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The slots of a day that begins (00:00 Beijing) at `dayStart`: from opening to closing, none overlapping the lunch break. */
export function slotsOfDay(dayStart: Date, hours: Hours): Slot[] {
  const open = minutesOf(hours.opens);
  const close = minutesOf(hours.closes);
  const [lunchFrom, lunchUntil] = hours.lunch ? hours.lunch.split("-").map(minutesOf) : [0, 0];
  const slots: Slot[] = [];
  for (let m = open; m + hours.slotMinutes <= close; m += hours.slotMinutes) {
    const end = m + hours.slotMinutes;
    if (hours.lunch && m < lunchUntil! && end > lunchFrom!) continue;
    slots.push({ start: new Date(dayStart.getTime() + m * 60_000), end: new Date(dayStart.getTime() + end * 60_000) });
  }
  return slots;
}

/** Places in a slot: each window serving the department and staffed for it takes `perWindow` booked people; the rest of its time is for walk-ins. */
export function slotCapacity(windowsOnDuty: number, perWindow: number): number {
  return Math.max(0, windowsOnDuty) * perWindow;
}

export interface NoShowRule {
  limit: number;
  windowDays: number;
  barDays: number;
}

/**
 * 爽约: `limit` no-shows (missed bookings, or tickets of theirs called and not there) within
 * the last `windowDays` bar online booking and remote tickets for `barDays` from the latest
 * one. Returns the end of the bar, or null when not barred.
 */
export function barredUntil(noShows: readonly Date[], now: Date, rule: NoShowRule): Date | null {
  const since = now.getTime() - rule.windowDays * 86_400_000;
  const recent = noShows.filter((d) => d.getTime() >= since && d.getTime() <= now.getTime()).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < rule.limit) return null;
  const until = new Date(recent.at(-1)!.getTime() + rule.barDays * 86_400_000);
  return until.getTime() > now.getTime() ? until : null;
}

export function recentCount(noShows: readonly Date[], now: Date, windowDays: number): number {
  const since = now.getTime() - windowDays * 86_400_000;
  return noShows.filter((d) => d.getTime() >= since && d.getTime() <= now.getTime()).length;
}
