package org.boltkt.releasecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The published library modules of the build, found as the parent POM's `library` profile finds them: a module
 * listed in the root POM with a Module.md at its root. Also reads POM files for the tests.
 */
final class LibraryModules {
    private LibraryModules() {}

    static Path root() {
        String dir = System.getProperty("boltkt.rootDirectory");
        if (dir == null) throw new IllegalStateException("system property boltkt.rootDirectory is not set (run through Maven)");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    static String projectVersion() {
        String version = System.getProperty("boltkt.projectVersion");
        if (version == null) throw new IllegalStateException("system property boltkt.projectVersion is not set (run through Maven)");
        return version;
    }

    /** A library module: its directory, artifact id and the Automatic-Module-Name its POM asks for. */
    record Library(Path dir, String artifactId, String moduleName) {
        Path jar(String classifier) {
            String suffix = classifier.isEmpty() ? "" : "-" + classifier;
            return dir.resolve("target").resolve(artifactId + "-" + projectVersion() + suffix + ".jar");
        }

        @Override
        public String toString() {
            return artifactId;
        }
    }

    static List<Library> all() {
        List<Library> out = new ArrayList<>();
        for (String module : texts(pom(root().resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Path dir = root().resolve(module);
            if (!Files.exists(dir.resolve("Module.md"))) continue;
            Element project = pom(dir.resolve("pom.xml")).getDocumentElement();
            out.add(new Library(dir, text(project, "artifactId"), text(project, "properties", "boltkt.automaticModuleName")));
        }
        return out;
    }

    static Document pom(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    /** The text of the child element reached by [path] (direct children only), or "" when absent. */
    static String text(Element from, String... path) {
        Element e = child(from, path);
        return e == null ? "" : e.getTextContent().trim();
    }

    /** The texts of all direct children named [leaf] of the element reached by [path]. */
    static List<String> texts(Element from, String... pathThenLeaf) {
        Element parent = child(from, java.util.Arrays.copyOf(pathThenLeaf, pathThenLeaf.length - 1));
        List<String> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(pathThenLeaf[pathThenLeaf.length - 1])) {
                out.add(e.getTextContent().trim());
            }
        }
        return out;
    }

    static Element child(Element from, String... path) {
        Element current = from;
        for (String name : path) {
            Element found = null;
            for (Node n = current.getFirstChild(); n != null && found == null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) found = e;
            }
            if (found == null) return null;
            current = found;
        }
        return current;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
