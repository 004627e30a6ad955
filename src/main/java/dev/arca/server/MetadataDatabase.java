package dev.arca.server;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database to keep the local server's metadata in, instead of SQLite in the data directory, and how to
 * log in to it: {@code user} and {@code password} when given, else what the URL itself says.
 *
 * @param url      {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMETERS]}
 * @param user     the role to log in as
 * @param password its password; never printed
 */
public record MetadataDatabase(String url, Optional<String> user, Optional<String> password) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://[^/?]+/[^/?]+(\\?.*)?");

    public MetadataDatabase {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("the metadata database must be a URL like"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
    }

    @Override
    public String toString() {
        return "MetadataDatabase[" + url.replaceFirst("\\?.*", "") + (user.map(u -> " as " + u).orElse("")) + "]";
    }
}
