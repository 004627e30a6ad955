package dev.arca.core;

/** The naming rules of CodeArtifact resources (service model, spec/behavior.md §2). */
public final class ResourceNames {

    public static final Constraint DOMAIN = Constraint.of(2, 50, "[a-z][a-z0-9\\-]{0,48}[a-z0-9]");
    public static final Constraint REPOSITORY = Constraint.of(2, 100, "[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}");
    public static final Constraint EXTERNAL_CONNECTION = Constraint.of(2, 100, "[A-Za-z0-9][A-Za-z0-9._\\-:]{1,99}");
    public static final Constraint ACCOUNT_ID = Constraint.of(12, 12, "[0-9]{12}");
    public static final Constraint DESCRIPTION = Constraint.of(0, 1000, "\\P{C}*");
    public static final Constraint ARN = Constraint.of(1, 1011, "\\S+");
    public static final Constraint TAG_KEY = Constraint.of(1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    public static final Constraint TAG_VALUE = Constraint.of(0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    public static final Constraint POLICY_DOCUMENT = Constraint.of(1, 7168, "[\\P{C}\\s]+");
    public static final Constraint POLICY_REVISION = Constraint.of(1, 100, "\\S+");
    public static final Constraint REPOSITORY_PREFIX = Constraint.of(1, 100, "[A-Za-z0-9][A-Za-z0-9._\\-]{0,99}");
    public static final Constraint ENDPOINT_TYPE = Constraint.of(4, 9, "ipv4|dualstack");
    /** Package, namespace and version names; control characters are refused as well as '#', '/' and spaces. */
    public static final Constraint PACKAGE_NAME = Constraint.of(1, 255, "(?!\\.{1,2}$)[^#/\\s\\p{C}]+");
    public static final Constraint ASSET_NAME = Constraint.of(1, 255, "\\P{C}+");
    public static final Constraint SHA256 = Constraint.of(64, 64, "[0-9a-f]+");
    public static final Constraint REVISION = Constraint.of(1, 50, "\\S+");
    public static final Constraint PAGINATION_TOKEN = Constraint.of(1, 2000, "\\S+");

    private ResourceNames() {
    }

    /** Whether a tag key is reserved for AWS ({@code aws:…}, any case): shown, never set or removed by users. */
    public static boolean isReservedTagKey(String key) {
        return key.regionMatches(true, 0, "aws:", 0, 4);
    }
}
