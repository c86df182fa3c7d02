/** Types for subset-font (https://github.com/papandreou/subset-font), which ships none: the options the site uses. */
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: "sfnt" | "truetype" | "woff" | "woff2"; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
}
