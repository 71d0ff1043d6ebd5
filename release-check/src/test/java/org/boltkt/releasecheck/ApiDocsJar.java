package org.boltkt.releasecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.boltkt.releasecheck.LibraryModules.Library;

/**
 * A library's -javadoc jar (Dokka's HTML) read back: its page paths and the visible text of all pages, so the checks
 * can ask whether a package has a page and whether a KDoc sentence was rendered.
 */
final class ApiDocsJar {
    private static final Pattern TAG = Pattern.compile("<script.*?</script>|<style.*?</style>|<[^>]*>", Pattern.DOTALL);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** A public declaration's first KDoc line; markup-free lines only, so the HTML shows them verbatim. */
    private static final Pattern PLAIN = Pattern.compile("[^\\[\\]`*_<>{}$\\\\|#]{20,}");

    private final Path jar;
    private final List<String> pages;
    private final String text;

    private ApiDocsJar(Path jar, List<String> pages, String text) {
        this.jar = jar;
        this.pages = pages;
        this.text = text;
    }

    static ApiDocsJar open(Path jar) throws IOException {
        List<String> pages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entry : file.stream().toList()) {
                if (!entry.getName().endsWith(".html")) continue;
                pages.add(entry.getName());
                String html = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                text.append(normalize(unescape(TAG.matcher(html).replaceAll(" ")))).append('\n');
            }
        }
        return new ApiDocsJar(jar, pages, text.toString());
    }

    /** The module page shows Module.md's first paragraph; every package Module.md describes has a page. */
    void assertRendersModuleAndPackages(Library lib) {
        List<String> lines = LibraryModules.read(lib.dir().resolve("Module.md")).lines().toList();
        assertTrue(pages.size() >= 10, jar + " holds only " + pages.size() + " HTML pages");
        String firstParagraph = lines.stream().dropWhile(l -> !l.startsWith("# Module")).skip(1)
                .dropWhile(String::isBlank).takeWhile(l -> !l.isBlank()).findFirst().orElse("");
        String firstWords = normalize(firstParagraph.replaceAll("[`*]", "")).split("[:.;]")[0];
        assertTrue(firstWords.length() > 20 && text.contains(firstWords),
                jar + " does not show Module.md's description: " + firstWords);
        for (String line : lines) {
            if (!line.startsWith("# Package ")) continue;
            String pkg = line.substring("# Package ".length()).trim();
            assertTrue(pages.stream().anyMatch(p -> p.endsWith("/" + pkg + "/index.html")),
                    jar + " has no page for package " + pkg + " (a package Module.md describes)");
        }
    }

    /** Every public declaration's KDoc (its first line, where it has no markup) appears in the pages. */
    void assertRendersKdocOf(Library lib) throws IOException {
        List<String> sampled = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(lib.dir().resolve("src/main/kotlin"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".kt")).toList()) {
                for (String line : firstKdocLinesOfPublicDeclarations(Files.readAllLines(file))) {
                    sampled.add(line);
                    if (!text.contains(line)) missing.add(file.getFileName() + ": " + line);
                }
            }
        }
        assertTrue(sampled.size() >= 5, lib + ": only " + sampled.size() + " KDoc lines to look for; the check would be vacuous");
        assertEquals(List.of(), missing, jar + " lacks the KDoc of these public declarations (of " + sampled.size() + " checked)");
    }

    static List<String> firstKdocLinesOfPublicDeclarations(List<String> source) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            if (!source.get(i).trim().startsWith("public ")) continue;
            int end = i - 1;
            while (end >= 0 && source.get(end).trim().startsWith("@")) end--;
            if (end < 0 || !source.get(end).trim().endsWith("*/")) continue;
            int start = end;
            while (start >= 0 && !source.get(start).trim().startsWith("/**")) start--;
            if (start < 0) continue;
            String first = source.get(start).trim().substring(3).replace("*/", "").trim();
            if (first.isEmpty() && start + 1 < end) first = source.get(start + 1).trim().replaceFirst("^\\*\\s?", "");
            Matcher plain = PLAIN.matcher(first);
            if (plain.matches() && !first.startsWith("@")) out.add(normalize(first));
        }
        return out;
    }

    private static String normalize(String s) {
        return SPACE.matcher(s).replaceAll(" ").trim();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
