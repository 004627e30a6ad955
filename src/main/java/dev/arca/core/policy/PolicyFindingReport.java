package dev.arca.core.policy;

import java.util.Objects;
import java.util.Optional;

/** One Access Analyzer ValidatePolicy finding as the console shows it: the finding and where to read more. */
public record PolicyFindingReport(Finding finding, Optional<String> learnMoreLink) {

    public PolicyFindingReport {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(learnMoreLink, "learnMoreLink");
    }
}
