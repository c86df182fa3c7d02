/** Pure helpers for the program page: where buttons go, and its structured data. */
import type { ProgramData } from "../schema/index.ts";
import { describeDuration, isoDuration } from "./schedule.ts";
import { absoluteUrl } from "./urls.ts";

/** Site path of the program page. */
export const PROGRAM_PATH = "/program/";
/** Site path of the weekly call's calendar file. */
export const CALENDAR_PATH = "/program/inner-circle.ics";

/**
 * Where "Join" buttons go: the signup link from the site settings, or, while
 * it is empty, an email to the contact address (never a dead link).
 */
export function signupHref(settings: { signupUrl: string; email: string }): string {
  return settings.signupUrl.trim() || `mailto:${settings.email}?subject=${encodeURIComponent("Joining the Inner Circle")}`;
}

/**
 * JSON-LD for the program page: a `Course` with an online weekly
 * `CourseInstance` (its `Schedule` repeats every week in the program's zone;
 * none while the schedule is an example, as search engines must not be told
 * placeholders), and a `FAQPage` for the questions.
 * https://schema.org/Course https://schema.org/Schedule https://schema.org/FAQPage
 */
export function programJsonLd(program: ProgramData, site: { title: string; url: string }, base: string): object[] {
  const { schedule } = program;
  const course = {
    "@context": "https://schema.org",
    "@type": "Course",
    name: program.title,
    description: program.description,
    url: absoluteUrl(PROGRAM_PATH, site.url, base),
    provider: { "@type": "Organization", name: site.title, url: absoluteUrl("/", site.url, base) },
    hasCourseInstance: {
      "@type": "CourseInstance",
      courseMode: "online",
      ...(schedule.example
        ? {}
        : {
            courseWorkload: `${describeDuration(schedule.durationMinutes)} a week`,
            courseSchedule: {
              "@type": "Schedule",
              repeatFrequency: "P1W",
              byDay: `https://schema.org/${schedule.weekday}`,
              startTime: `${schedule.startTime}:00`,
              duration: isoDuration(schedule.durationMinutes),
              scheduleTimezone: schedule.timeZone,
            },
          }),
    },
  };
  const jsonLd: object[] = [course];
  if (program.faq.items.length > 0) {
    jsonLd.push({
      "@context": "https://schema.org",
      "@type": "FAQPage",
      mainEntity: program.faq.items.map((item) => ({
        "@type": "Question",
        name: item.question,
        acceptedAnswer: { "@type": "Answer", text: markdownToPlainText(item.answer) },
      })),
    });
  }
  return jsonLd;
}

/** Plain text of a short Markdown answer, for structured data (links keep their text, marks go). */
function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .replace(/^\s*[-+>#]+\s*/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}
