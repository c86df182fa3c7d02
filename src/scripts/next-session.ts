/**
 * Progressive enhancement of the program schedule: replaces "Tuesdays, 5:30 pm
 * Pacific" with the next call's date and time in the reader's own time zone.
 * Without JavaScript the schedule text stays, which is still correct.
 */

async function showNextSession(): Promise<void> {
  const blocks = document.querySelectorAll<HTMLElement>("[data-next-session]:not([data-example])");
  if (blocks.length === 0) return;
  // A dynamic import keeps this script a file of its own (Astro inlines small
  // import-free scripts), so the site can forbid inline scripts.
  const { describeSchedule, formatSession, nextSession } = await import("../lib/schedule.ts");
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = new Date();
  for (const block of blocks) {
    const { weekday, start, duration, tz, zoneName } = block.dataset;
    if (!weekday || !start || !duration || !tz) continue;
    const schedule = { weekday, startTime: start, durationMinutes: Number(duration), timeZone: tz, timeZoneName: zoneName ?? "" };
    const session = nextSession(schedule, now);
    const when = formatSession(session, readerZone);
    const until = formatSession({ start: session.end, end: session.end }, readerZone);
    const live = session.start.getTime() <= now.getTime();
    const label = block.querySelector("[data-next-label]");
    const time = block.querySelector<HTMLTimeElement>("[data-next-when]");
    const detail = block.querySelector("[data-next-detail]");
    if (!label || !time || !detail) continue;
    label.textContent = live ? "Happening now" : "Next call, in your time";
    time.dateTime = session.start.toISOString();
    time.textContent = live ? `Until ${until.time}` : `${when.date}, ${when.time}`;
    detail.textContent = `${when.zone} · weekly, ${describeSchedule(schedule)}`;
    block.dataset["enhanced"] = readerZone;
  }
}

void showNextSession();
