package dev.arca.server.http;

import org.eclipse.jetty.http.HttpStatus;

/** What the audit log and the error writer need to know about one request, filled in as it is handled. */
final class Exchange {

    /**
     * How the request's errors are shaped: REST-JSON (control plane), JSON 1.1 (KMS), for package clients, or AWS
     * query-protocol XML (IAM, STS).
     */
    enum Style { REST_JSON, JSON_RPC, PACKAGE, QUERY }

    String operation;
    String principal;
    /** The coordinates the request touched, when the query string does not name them (package endpoints). */
    String resource;
    String errorType;
    int status = HttpStatus.OK_200;
    Style style = Style.REST_JSON;
    /** The realm of the Basic challenge a package endpoint's 401 carries. */
    String realm = "CodeArtifact";
    /** The XML namespace of a query-protocol reply (IAM's or STS's). */
    String xmlNamespace;
}
