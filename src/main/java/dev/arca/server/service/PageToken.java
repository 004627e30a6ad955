package dev.arca.server.service;

import dev.arca.server.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opaque pagination tokens: the sort key of the last item returned, tagged with the list it belongs to so
 * that a token from one listing is refused by another.
 */
public final class PageToken {

    private PageToken() {
    }

    public static String encode(String list, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a token continues after; a token that was not issued for {@code list} is a ValidationException. */
    public static Optional<String> decode(String list, Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline < 0 || !text.substring(0, newline).equals(list)) {
                throw invalid();
            }
            return Optional.of(text.substring(newline + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * One page: asks for {@code limit + 1} rows, returns at most {@code limit}, and a token when more follow.
     */
    public static <T> Page<T> page(String list, List<T> rowsPlusOne, int limit, Function<T, String> key) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, Optional.empty());
        }
        List<T> rows = rowsPlusOne.subList(0, limit);
        return new Page<>(List.copyOf(rows), Optional.of(encode(list, key.apply(rows.getLast()))));
    }

    /** A page of results and the token for the next one, if any. */
    public record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    private static ApiException invalid() {
        return ApiException.validation("The pagination token is not valid for this request");
    }
}
