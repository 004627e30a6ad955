package dev.arca.server.http;

import dev.arca.server.error.ApiException;
import dev.arca.server.iam.IamApi;
import dev.arca.server.iam.IamException;
import dev.arca.server.iam.QueryReply;
import dev.arca.server.iam.QueryRequest;
import dev.arca.server.iam.StsApi;
import dev.arca.server.service.Caller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * IAM and STS over the AWS query protocol: {@code POST /} with a form body ({@code Action=…&Version=…}), the service
 * taken from the SigV4 credential scope ({@code …/us-east-1/iam/aws4_request}), replies and errors in the XML their
 * SDKs parse. The verifier's refusals are renamed to the codes IAM and STS use for them.
 */
final class IamHttp {

    private static final Pattern SCOPE_SERVICE = Pattern.compile("Credential=[^/,\\s]+/[0-9]{8}/[^/,\\s]+/([^/,\\s]+)/");
    /** The REST-JSON names the verifier and AccessControl use, and IAM's and STS's names for the same refusals. */
    private static final Map<String, String> QUERY_CODES = Map.of(
            "UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredTokenException", "ExpiredToken",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignatureException", "IncompleteSignature",
            "MissingAuthenticationTokenException", "MissingAuthenticationToken",
            "AccessDeniedException", "AccessDenied",
            "InternalServerException", "ServiceFailure",
            "ValidationException", "ValidationError");

    private final SigV4Verifier verifier;
    private final IamApi iam;
    private final StsApi sts;

    IamHttp(SigV4Verifier verifier, IamApi iam, StsApi sts) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.iam = Objects.requireNonNull(iam, "iam");
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    /** Whether {@code request} is an IAM or STS call: a form POST to {@code /} with no JSON-RPC target. */
    static boolean isQueryCall(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return "POST".equals(request.getMethod()) && request.getHeaders().get("X-Amz-Target") == null
                && type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    void handle(Request request, Response response, Callback callback, Exchange exchange) throws IOException {
        String service = service(request);
        exchange.style = Exchange.Style.QUERY;
        exchange.xmlNamespace = "sts".equals(service) ? StsApi.NAMESPACE : IamApi.NAMESPACE;
        byte[] body = ArcaHttpHandler.readBody(request);
        Map<String, String> parameters = new LinkedHashMap<>();
        ArcaHttpHandler.queryParameters(new String(body, StandardCharsets.UTF_8))
                .forEach((name, values) -> parameters.put(name, values.getFirst()));
        exchange.operation = service + ":" + parameters.getOrDefault("Action", "");
        Caller caller = verifier.verify(ArcaHttpHandler.signed(request), body, service)
                .from(Request.getRemoteAddr(request));
        exchange.principal = caller.principalArn();
        QueryRequest call = new QueryRequest(caller, parameters);
        QueryReply reply;
        try {
            reply = "sts".equals(service) ? sts.handle(call) : iam.handle(call);
        } catch (IamException e) {
            throw new ApiException(e.status(), e.code(), e.getMessage(), Map.of());
        }
        write(response, callback, HttpStatus.OK_200, reply.render(call.action(), exchange.xmlNamespace,
                response.getHeaders().get(ArcaHttpHandler.REQUEST_ID_HEADER)));
    }

    /** Writes {@code error} as IAM's or STS's {@code <ErrorResponse>}. */
    static void writeError(Response response, Callback callback, ApiException error, String namespace) {
        String code = QUERY_CODES.getOrDefault(error.type(), error.type());
        IamException renamed = new IamException(error.status(), code, error.getMessage());
        write(response, callback, error.status(), QueryReply.error(renamed, namespace,
                response.getHeaders().get(ArcaHttpHandler.REQUEST_ID_HEADER)));
    }

    /** The service the request was signed for; IAM when it does not say (the verifier then refuses it). */
    private static String service(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Matcher m = SCOPE_SERVICE.matcher(authorization == null ? "" : authorization);
        return m.find() && List.of("iam", "sts").contains(m.group(1)) ? m.group(1) : "iam";
    }

    private static void write(Response response, Callback callback, int status, String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
