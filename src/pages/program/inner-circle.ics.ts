/**
 * `/program/inner-circle.ics`: the weekly Inner Circle call as an iCalendar file (RFC 5545).
 * Not published while the schedule is an example: an empty response writes no file.
 */
import type { APIRoute } from "astro";
import { getProgram } from "../../data/program.ts";
import { getSettings, visibility } from "../../data/site.ts";
import { weeklyEventCalendar } from "../../lib/ical.ts";
import { PROGRAM_PATH } from "../../lib/program.ts";
import { nextSession } from "../../lib/schedule.ts";
import { absoluteUrl } from "../../lib/urls.ts";

export const GET: APIRoute = async () => {
  const program = await getProgram();
  if (program.schedule.example) return new Response(null, { status: 404 });
  const settings = await getSettings();
  const { now } = visibility();
  const pageUrl = absoluteUrl(PROGRAM_PATH, settings.url, import.meta.env.BASE_URL);
  const body = weeklyEventCalendar({
    ...program.schedule,
    // Stable across builds and schedule changes, so re-importing updates the event instead of adding a second one.
    uid: `inner-circle-weekly@${new URL(settings.url).host}`,
    summary: program.schedule.eventTitle,
    description: `${program.description}\n\nDetails: ${pageUrl}`,
    url: pageUrl,
    first: nextSession(program.schedule, now).start,
    stamp: now,
    prodId: `-//${settings.title}//Inner Circle//EN`,
  });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
