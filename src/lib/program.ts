/** Pure helpers for the program page: where buttons go, and its structured data. */
import { describeDuration, isoDuration, type WeeklySchedule } from "./schedule.ts";

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

/** What the structured data needs to know about the program. */
export interface ProgramFacts {
  name: string;
  description: string;
  url: string;
  provider: { name: string; url: string };
  /** `example`: the day and time are placeholders, which search engines must not be told. */
  schedule: WeeklySchedule & { example: boolean };
  faq: Array<{ question: string; answerText: string }>;
}

/**
 * JSON-LD for the program page: a `Course` with an online weekly
 * `CourseInstance` (its `Schedule` repeats every week in the program's zone;
 * none while the schedule is an example), and a `FAQPage` for the questions.
 * https://schema.org/Course https://schema.org/Schedule https://schema.org/FAQPage
 */
export function programJsonLd(facts: ProgramFacts): object[] {
  const { schedule } = facts;
  const provider = { "@type": "Organization", name: facts.provider.name, url: facts.provider.url };
  const course = {
    "@context": "https://schema.org",
    "@type": "Course",
    name: facts.name,
    description: facts.description,
    url: facts.url,
    provider,
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
  if (facts.faq.length > 0) {
    jsonLd.push({
      "@context": "https://schema.org",
      "@type": "FAQPage",
      mainEntity: facts.faq.map((item) => ({
        "@type": "Question",
        name: item.question,
        acceptedAnswer: { "@type": "Answer", text: item.answerText },
      })),
    });
  }
  return jsonLd;
}

/** Plain text of a short Markdown answer, for structured data (links keep their text, marks go). */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~]+/g, "")
    .replace(/^\s*[-+>#]+\s*/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}
