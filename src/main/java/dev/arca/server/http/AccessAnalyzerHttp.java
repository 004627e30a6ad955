package dev.arca.server.http;

import dev.arca.server.error.ApiException;
import dev.arca.server.iam.PolicyValidationApi;
import dev.arca.server.service.Caller;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Access Analyzer's ValidatePolicy over REST-JSON: {@code POST /policy/validation}, signed for {@code access-analyzer}. */
final class AccessAnalyzerHttp {

    private final SigV4Verifier verifier;
    private final PolicyValidationApi policyValidation;

    AccessAnalyzerHttp(SigV4Verifier verifier, PolicyValidationApi policyValidation) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.policyValidation = Objects.requireNonNull(policyValidation, "policyValidation");
    }

    void validatePolicy(Request request, Response response, Callback callback, Exchange exchange) throws IOException {
        if (!HttpMethod.POST.is(request.getMethod())) {
            throw new ApiException(405, "ValidationException", "Only POST is supported on " + PolicyValidationApi.PATH,
                    Map.of("reason", "unknownOperation"));
        }
        byte[] body = ArcaHttpHandler.readBody(request);
        Caller caller = verifier.verify(ArcaHttpHandler.signed(request), body, PolicyValidationApi.SIGNING_NAME)
                .from(Request.getRemoteAddr(request));
        exchange.principal = caller.principalArn();
        Object result = policyValidation.validatePolicy(body,
                ArcaHttpHandler.queryParameters(request.getHttpURI().getQuery()));
        ArcaHttpHandler.writeJson(response, callback, HttpStatus.OK_200, "application/json", result);
    }
}
