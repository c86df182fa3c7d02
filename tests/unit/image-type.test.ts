import { describe, expect, it } from "vitest";
import { extensionMatches, extensionOf, sniffImageType } from "../../src/lib/image-type.ts";

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("sniffImageType", () => {
  it("reads each published format from its first bytes", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"))).toBe("jpeg");
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"))).toBe("png");
    expect(sniffImageType(bytes("GIF89a", [1, 0, 1, 0]))).toBe("gif");
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe("webp");
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0]))).toBe("avif");
  });

  it("recognises SVG behind a BOM, an XML declaration, comments and a doctype", () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe("svg");
    expect(sniffImageType(bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE svg>\n<SVG>'))).toBe("svg");
  });

  it("knows nothing of text, HTML or empty files", () => {
    expect(sniffImageType(bytes("root:x:0:0:root:/root:/bin/bash\n"))).toBeUndefined();
    expect(sniffImageType(bytes("<html><body>hi</body></html>"))).toBeUndefined();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });
});

describe("extensionMatches", () => {
  it("accepts the extensions a format may carry, in any case", () => {
    expect(extensionMatches("photo.JPG", "jpeg")).toBe(true);
    expect(extensionMatches("photo.jpeg", "jpeg")).toBe(true);
    expect(extensionMatches("photo.jpg", "png")).toBe(false);
    expect(extensionMatches("photo", "png")).toBe(false);
    expect(extensionOf("a.b/photo")).toBe("");
  });
});
