package org.boltkt.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's quick-start snippets equal to the regions of the sample sources they are taken from, so they
 * cannot rot: a README code block preceded by {@code <!-- snippet: <path>#<tag> -->} must equal the lines between
 * {@code // tag::<tag>[]} and {@code // end::<tag>[]} of that file (common indentation removed).
 */
class ReadmeSnippetsTest {
    static final String RUN_COMMAND = "mvn -q -pl samples -am verify -Psamples -DskipTests";

    static final List<String> EXPECTED = List.of(
            "samples/src/main/kotlin/org/boltkt/samples/quickstart/QuickStart.kt#readme-quickstart",
            "samples/src/main/kotlin/org/boltkt/samples/KotlinSample.kt#quickstart",
            "samples/src/main/java/org/boltkt/samples/JavaSample.java#quickstart",
            "samples/src/main/kotlin/org/boltkt/samples/TypedResults.kt#typed",
            "samples/src/main/kotlin/org/boltkt/samples/TlsExamples.kt#tls",
            "samples/src/main/java/org/boltkt/samples/TlsExamples.java#tls",
            "samples/src/main/kotlin/org/boltkt/samples/AdminExamples.kt#admin",
            "samples/src/main/java/org/boltkt/samples/AdminExamples.java#admin");

    @Test
    void readmeSnippetsEqualTheTaggedRegionsOfTheSamples() throws IOException {
        Path root = projectRoot();
        Map<String, String> snippets = readmeSnippets(Files.readAllLines(root.resolve("README.md")));
        assertEquals(EXPECTED, new ArrayList<>(snippets.keySet()), "the README quotes exactly these regions");
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            String[] pathAndTag = snippet.getKey().split("#", 2);
            String region = region(Files.readAllLines(root.resolve(pathAndTag[0])), pathAndTag[1]);
            assertEquals(region, snippet.getValue(),
                    "README snippet " + snippet.getKey() + " differs from the source; copy the region into the README");
        }
    }

    @Test
    void readmeShowsTheCommandThatRunsTheSamples() throws IOException {
        String readme = Files.readString(projectRoot().resolve("README.md"));
        assertTrue(readme.contains(RUN_COMMAND), "README names the samples command: " + RUN_COMMAND);
    }

    static Path projectRoot() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("samples")))) {
            dir = dir.getParent();
        }
        if (dir == null) throw new IllegalStateException("project root with README.md and samples/ not found");
        return dir;
    }

    /** snippet key -> code block text, in README order. */
    static Map<String, String> readmeSnippets(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("<!-- snippet:")) continue;
            String key = line.substring("<!-- snippet:".length(), line.length() - "-->".length()).trim();
            int open = i + 1;
            if (!lines.get(open).startsWith("```")) throw new IllegalStateException("no code block after " + line);
            List<String> body = new ArrayList<>();
            int j = open + 1;
            while (!lines.get(j).startsWith("```")) body.add(lines.get(j++));
            out.put(key, String.join("\n", body));
            i = j;
        }
        return out;
    }

    /** The lines between the tag markers, with their common indentation removed. */
    static String region(List<String> source, String tag) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < source.size(); i++) {
            String t = source.get(i).trim();
            if (t.equals("// tag::" + tag + "[]")) start = i + 1;
            if (t.equals("// end::" + tag + "[]")) end = i;
        }
        if (start < 0 || end < start) throw new IllegalStateException("no region '" + tag + "'");
        List<String> body = source.subList(start, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String l : body) out.add(l.isBlank() ? "" : l.substring(indent));
        return String.join("\n", out);
    }
}
