/**
 * The HTTP boundary: {@link dev.arca.server.http.ArcaHttpHandler} verifies signatures ({@link
 * dev.arca.server.http.SigV4Verifier}) or tokens, picks the API a request is for, and writes errors as the AWS SDKs
 * parse them.
 */
package dev.arca.server.http;
