import { describe, expect, it } from "vitest";
import { editedEntry, needsFreshEditor } from "../../admin/entry-switch.ts";

describe("moving between CMS editors by address", () => {
  it("reads the entry an editor address shows", () => {
    expect(editedEntry("#/collections/posts/entries/welcome")).toBe("posts/welcome");
    expect(editedEntry("#/collections/posts/new")).toBe("posts/");
    expect(editedEntry("#/collections/posts/new?duplicate=true")).toBe("posts/");
    expect(editedEntry("#/collections/posts")).toBeUndefined();
    expect(editedEntry("#/media")).toBeUndefined();
  });

  it("reloads when one entry's editor gives way to another's", () => {
    expect(needsFreshEditor("#/collections/pages/entries/about", "#/collections/program/entries/program")).toBe(true);
    expect(needsFreshEditor("#/collections/posts/entries/a", "#/collections/posts/entries/b")).toBe(true);
    expect(needsFreshEditor("#/collections/posts/entries/a", "#/collections/posts/new")).toBe(true);
  });

  it("leaves Decap's own moves and every other address alone", () => {
    expect(needsFreshEditor("#/collections/posts/new", "#/collections/posts/entries/first-post")).toBe(false);
    expect(needsFreshEditor("#/collections/posts/entries/a", "#/collections/posts/new?duplicate=true")).toBe(false);
    expect(needsFreshEditor("#/collections/posts/entries/a", "#/collections/posts")).toBe(false);
    expect(needsFreshEditor("#/collections/posts", "#/collections/posts/entries/a")).toBe(false);
    expect(needsFreshEditor("#/collections/posts/entries/a", "#/collections/posts/entries/a")).toBe(false);
  });
});
