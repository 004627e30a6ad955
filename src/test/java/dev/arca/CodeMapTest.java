package dev.arca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code map in docs/development.md and the source tree say the same: every folder with code has a row and a
 * {@code package-info.java}, every row names a folder that exists, and the classes it says to start at are there.
 */
class CodeMapTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/arca");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9/]+)/` \\| [^|]+ \\| ([^|]+) \\|$");

    @Test
    void everyFolderWithCodeHasARowAndAPackageInfoAndEveryRowItsFolder() throws IOException {
        Map<String, List<String>> rows = rows();
        TreeSet<String> folders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> folders.add(SOURCES.relativize(f.getParent()).toString().replace('\\', '/')));
        }
        folders.remove("");

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(folders);
        for (String folder : folders) {
            assertThat(SOURCES.resolve(folder).resolve("package-info.java")).as(folder).exists();
        }
        rows.forEach((folder, classes) -> {
            assertThat(classes).as(folder).isNotEmpty();
            classes.forEach(c -> assertThat(SOURCES.resolve(folder).resolve(c + ".java")).as(folder).exists());
        });
    }

    /** Folder to the classes named in its "start at" cell. */
    private static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("docs/development.md"));
        int start = lines.indexOf("## Code map");
        assertThat(start).as("docs/development.md has a code map").isNotNegative();
        for (String line : lines.subList(start, lines.size())) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), Pattern.compile("`(\\w+)`").matcher(m.group(2)).results()
                        .map(r -> r.group(1)).toList());
            }
        }
        return rows;
    }
}
