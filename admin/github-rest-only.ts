/**
 * Stands in for decap-cms-backend-github's GraphQL client (swapped in by src/integrations/cms-esbuild.ts): the
 * client, graphql and Apollo were 0.18 MB of the login screen's script, and Decap builds it only for a backend with
 * `use_graphql`, which the site's configuration never sets (src/schema/decap.ts; tests/cms/parity.test.ts).
 */
export default class GraphQLAPI {
  constructor() {
    throw new Error("This CMS is built for GitHub's REST API: remove use_graphql from the backend settings.");
  }
}
