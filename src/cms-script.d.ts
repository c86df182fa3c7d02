// The CMS script's URL and its static chunks', from the path2practice:cms-bundle integration (src/integrations/cms-bundle.ts).
declare module "virtual:path2practice/cms-script" {
  const url: string;
  export default url;
  export const preload: string[];
}
