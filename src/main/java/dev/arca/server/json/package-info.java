/** The local server's JSON codec ({@link dev.arca.server.json.Json}), shared by the API, the formats and IAM. */
package dev.arca.server.json;
