package dev.arca.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arca.core.PackageFilter;
import dev.arca.core.PackageFormat;
import dev.arca.core.retention.PackageRef;
import dev.arca.core.retention.RetentionRuleFlags;
import dev.arca.core.retention.RetentionRuleParser;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadScopeTest {

    private static PackageFilter filter(PackageFormat format, String namespace, String prefix) {
        return new PackageFilter(Optional.ofNullable(format), namespace, prefix, Optional.empty(), Optional.empty());
    }

    @Test
    void flagsNarrowTheListingByFormatNamespaceAndPrefix() {
        LoadScope scope = LoadScope.of(new RetentionRuleFlags().format("npm").namespace("acme").packagePrefix("ui-")
                .action("unlist").build(), Instant.EPOCH);

        assertThat(scope.listings()).containsExactly(filter(PackageFormat.NPM, "acme", "ui-"));
        assertThat(scope.packages()).accepts(new PackageRef(PackageFormat.NPM, "acme", "ui-button"))
                .rejects(new PackageRef(PackageFormat.NPM, "acme", "core"),
                        new PackageRef(PackageFormat.NPM, "acmex", "ui-button"));
        assertThat(scope.sizes()).isFalse();
    }

    @Test
    void aNamespaceWithoutAFormatIsLeftToTheLocalFilterSinceTheServiceRefusesIt() {
        LoadScope scope = LoadScope.of(new RetentionRuleFlags().namespace("acme").action("delete").build(),
                Instant.EPOCH);

        assertThat(scope.listings()).containsExactly(PackageFilter.NONE);
        assertThat(scope.packages()).accepts(new PackageRef(PackageFormat.MAVEN, "acme", "lib"))
                .rejects(new PackageRef(PackageFormat.MAVEN, "other", "lib"));
        assertThat(scope.sizes()).isTrue();
    }

    @Test
    void patternsListByFormatAndExactNamespaceAndLeaveNamesAndNamespacePrefixesToTheLocalFilter() {
        LoadScope scope = LoadScope.of(RetentionRuleParser.parse("""
                {"rules": [
                  {"rulePriority": 1, "selection": {"packages": "/maven/com.example~"}, "action": {"type": "archive"}},
                  {"rulePriority": 2, "selection": {"packages": "/pypi//My_Pkg$"}, "action": {"type": "dispose"}}
                ]}"""), Instant.EPOCH);

        assertThat(scope.listings()).containsExactly(filter(PackageFormat.MAVEN, "", ""),
                filter(PackageFormat.PYPI, "", ""));
        assertThat(scope.packages()).accepts(new PackageRef(PackageFormat.MAVEN, "com.example.app", "core"),
                new PackageRef(PackageFormat.PYPI, "", "my-pkg"))
                .rejects(new PackageRef(PackageFormat.MAVEN, "org.example", "core"),
                        new PackageRef(PackageFormat.NPM, "", "my-pkg"));
        assertThat(scope.sizes()).isTrue();
    }

    @Test
    void oneRuleWithoutPackageFiltersListsTheWholeRepositoryOnce() {
        LoadScope scope = LoadScope.of(RetentionRuleParser.parse("""
                {"rules": [
                  {"rulePriority": 1, "selection": {"format": "npm"}, "action": {"type": "archive"}},
                  {"rulePriority": 2, "selection": {"keepNewest": 3}, "action": {"type": "unlist"}}
                ]}"""), Instant.EPOCH);

        assertThat(scope.listings()).containsExactly(PackageFilter.NONE);
        assertThat(scope.packages()).accepts(new PackageRef(PackageFormat.GENERIC, "x", "y"));
    }
}
