import { describe, expect, it } from "vitest";
import { useFixtureBrowser } from "../support/fixture-browser.ts";

const fixture = useFixtureBrowser();

/** The hero's next-session block as a reader in `timezoneId` sees it at instant `now`. */
async function nextSessionAt(timezoneId: string, now: string, javaScriptEnabled = true) {
  const context = await fixture.browser.newContext({ timezoneId, javaScriptEnabled });
  const page = await context.newPage();
  if (javaScriptEnabled) await page.clock.setFixedTime(new Date(now));
  await page.goto(`${fixture.server.url}program/`);
  const block = page.locator("[data-next-session]").first();
  if (javaScriptEnabled) await page.waitForSelector("[data-next-session][data-enhanced]");
  const result = {
    label: (await block.locator("[data-next-label]").textContent())?.trim(),
    when: (await block.locator("[data-next-when]").textContent())?.trim(),
    detail: (await block.locator("[data-next-detail]").textContent())?.trim(),
    datetime: await block.locator("[data-next-when]").getAttribute("datetime"),
  };
  await context.close();
  return result;
}

// The fixture program meets on Tuesdays at 17:30 in Los Angeles, for 90 minutes.
describe("the next Inner Circle call in the reader's own time", () => {
  it("shows a reader in London the Wednesday 1:30 am British Summer Time call", async () => {
    expect(await nextSessionAt("Europe/London", "2026-06-01T12:00:00Z")).toEqual({
      label: "Next call, in your time",
      when: "Wednesday, June 3, 1:30 am",
      detail: "British Summer Time · weekly, Tuesdays, 5:30 pm Pacific",
      datetime: "2026-06-03T00:30:00.000Z",
    });
  });

  it("shows a reader in Tokyo the Wednesday 9:30 am call", async () => {
    expect(await nextSessionAt("Asia/Tokyo", "2026-06-01T12:00:00Z")).toMatchObject({
      when: "Wednesday, June 3, 9:30 am",
      detail: "Japan Standard Time · weekly, Tuesdays, 5:30 pm Pacific",
    });
  });

  it("follows the program's clock in the weeks when only America has changed to summer time", async () => {
    // On 2026-03-09 Los Angeles is on PDT but London is still on GMT: the call is at 00:30 in London, not 01:30.
    expect(await nextSessionAt("Europe/London", "2026-03-09T12:00:00Z")).toMatchObject({ when: "Wednesday, March 11, 12:30 am" });
    expect(await nextSessionAt("Asia/Tokyo", "2026-03-09T12:00:00Z")).toMatchObject({ when: "Wednesday, March 11, 9:30 am" });
  });

  it("says the call is happening now while it runs", async () => {
    expect(await nextSessionAt("Asia/Tokyo", "2026-06-03T01:00:00Z")).toMatchObject({ label: "Happening now", when: "Until 11:00 am" });
  });

  it("keeps the schedule in the program's time zone when JavaScript is off", async () => {
    expect(await nextSessionAt("Asia/Tokyo", "2026-06-01T12:00:00Z", false)).toMatchObject({
      label: "Every week",
      when: "Tuesdays, 5:30 pm Pacific",
      detail: "90 minutes, live by video",
    });
  });
});
