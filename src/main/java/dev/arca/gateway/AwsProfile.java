package dev.arca.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * A profile of the AWS shared configuration, as the connection editor lists it.
 *
 * @param name        the profile's name ({@code default}, {@code prod} …)
 * @param credentials how it obtains credentials, in words ("IAM Identity Center (SSO)", "assumes role … via …")
 * @param region      its {@code region}, if it names one
 */
public record AwsProfile(String name, String credentials, Optional<String> region) {

    public AwsProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
    }
}
