package dev.arca.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real Python distributions built in memory, for tests: a pure-Python wheel (a zip with the module, METADATA,
 * WHEEL and RECORD) that pip installs, and an sdist (a gzipped tar with PKG-INFO and pyproject.toml).
 */
public final class PythonDists {

    /**
     * What a distribution says about itself.
     *
     * @param name         the project name as its author spells it
     * @param module       the importable module, whose {@code hello()} returns {@code greeting}
     * @param requiresDist Requires-Dist lines
     */
    public record Project(String name, String version, String module, String greeting, String summary,
                          List<String> requiresDist, String requiresPython, String readme) {

        /** A project with no dependencies. */
        public static Project of(String name, String version, String module, String greeting) {
            return new Project(name, version, module, greeting, "Says " + greeting, List.of(), ">=3.8",
                    "# " + name + "\n\nSays " + greeting + ".\n");
        }

        public Project withRequiresDist(String... requirements) {
            return new Project(name, version, module, greeting, summary, List.of(requirements), requiresPython,
                    readme);
        }

        /** The name as file names spell it: normalized, with underscores. */
        public String fileStem() {
            return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "_");
        }

        public String wheelName() {
            return fileStem() + "-" + version + "-py3-none-any.whl";
        }

        public String sdistName() {
            return fileStem() + "-" + version + ".tar.gz";
        }

        /** The core metadata (METADATA / PKG-INFO). */
        public String metadata() {
            StringBuilder out = new StringBuilder("Metadata-Version: 2.1\n")
                    .append("Name: ").append(name).append('\n')
                    .append("Version: ").append(version).append('\n')
                    .append("Summary: ").append(summary).append('\n')
                    .append("Home-page: https://example.invalid/").append(fileStem()).append('\n')
                    .append("License: MIT\n")
                    .append("Project-URL: Source, https://example.invalid/src/").append(fileStem()).append('\n')
                    .append("Requires-Python: ").append(requiresPython).append('\n');
            requiresDist.forEach(r -> out.append("Requires-Dist: ").append(r).append('\n'));
            return out.append("Description-Content-Type: text/markdown\n\n").append(readme).toString();
        }

        private String source() {
            return "def hello():\n    return " + pythonString(greeting) + "\n";
        }
    }

    private PythonDists() {
    }

    /** A wheel pip can install: {@code module/__init__.py} and the dist-info directory. */
    public static byte[] wheel(Project project) {
        String distInfo = project.fileStem() + "-" + project.version() + ".dist-info/";
        Map<String, String> files = new LinkedHashMap<>();
        files.put(project.module() + "/__init__.py", project.source());
        files.put(distInfo + "METADATA", project.metadata());
        files.put(distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: arca-tests\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        files.forEach((path, content) -> {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            record.append(path).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sha256(bytes))).append(',').append(bytes.length).append('\n');
        });
        files.put(distInfo + "RECORD", record.append(distInfo).append("RECORD,,\n").toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(1_700_000_000_000L);
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An sdist: PKG-INFO, a setuptools pyproject.toml and the module, under {@code name-version/}. */
    public static byte[] sdist(Project project) {
        String root = project.fileStem() + "-" + project.version() + "/";
        return NpmTarballs.tar(Map.of(
                root + "PKG-INFO", project.metadata(),
                root + "pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n"
                        + "build-backend = \"setuptools.build_meta\"\n\n[project]\nname = \"" + project.name()
                        + "\"\nversion = \"" + project.version() + "\"\n",
                root + project.module() + "/__init__.py", project.source()));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pythonString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
