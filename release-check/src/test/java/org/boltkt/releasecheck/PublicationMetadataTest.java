package org.boltkt.releasecheck;

import static org.boltkt.releasecheck.LibraryModules.child;
import static org.boltkt.releasecheck.LibraryModules.text;
import static org.boltkt.releasecheck.LibraryModules.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.boltkt.releasecheck.LibraryModules.Library;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The POM metadata a repository requires, the BOM and the README's coordinates, checked against the build. */
class PublicationMetadataTest {
    /** The metadata elements every published POM needs; boltkt-parent has them, boltkt-bom repeats them. */
    static final List<String[]> METADATA = List.of(
            new String[] {"url"},
            new String[] {"licenses", "license", "name"},
            new String[] {"licenses", "license", "url"},
            new String[] {"scm", "url"},
            new String[] {"scm", "connection"},
            new String[] {"scm", "developerConnection"},
            new String[] {"developers", "developer", "name"},
            new String[] {"issueManagement", "system"},
            new String[] {"issueManagement", "url"});

    static Element rootPom() {
        return LibraryModules.pom(LibraryModules.root().resolve("pom.xml")).getDocumentElement();
    }

    static Element bomPom() {
        return LibraryModules.pom(LibraryModules.root().resolve("bom/pom.xml")).getDocumentElement();
    }

    @Test
    void theLibraryModulesAreFoundAndAllBuiltBeforeThisCheck() {
        Set<String> found = LibraryModules.all().stream().map(Library::artifactId).collect(Collectors.toCollection(TreeSet::new));
        // Guards against a vacuous pass: the three libraries of today must be among those found.
        assertTrue(found.containsAll(Set.of("boltkt-bolt-protocol", "boltkt-client", "boltkt-java-interop")), "found only " + found);
        Element self = LibraryModules.pom(LibraryModules.root().resolve("release-check/pom.xml")).getDocumentElement();
        Set<String> declared = new TreeSet<>(texts(self, "dependencies", "dependency"));
        for (String artifactId : found) {
            assertTrue(declared.stream().anyMatch(d -> d.contains(artifactId)),
                    "release-check/pom.xml must depend on " + artifactId + " so the reactor builds it before this check");
        }
    }

    @Test
    void parentPomHasTheMetadataARepositoryRequires() {
        Element root = rootPom();
        assertFalse(text(root, "name").isEmpty(), "parent <name>");
        assertFalse(text(root, "description").isEmpty(), "parent <description>");
        for (String[] path : METADATA) {
            assertFalse(text(root, path).isEmpty(), "parent POM lacks <" + String.join("/", path) + ">");
        }
        assertEquals("Apache-2.0", text(root, "licenses", "license", "name"), "the license named in the POM is the LICENSE file's");
        assertTrue(LibraryModules.read(LibraryModules.root().resolve("LICENSE")).contains("Apache License"), "LICENSE is the Apache License");
    }

    @Test
    void everyLibraryModuleHasItsOwnNameAndDescription() {
        for (Library lib : LibraryModules.all()) {
            Element pom = LibraryModules.pom(lib.dir().resolve("pom.xml")).getDocumentElement();
            assertFalse(text(pom, "name").isEmpty(), lib + " <name>");
            assertFalse(text(pom, "description").isEmpty(), lib + " <description>");
        }
    }

    @Test
    void bomRepeatsTheParentsMetadataAndManagesEveryLibraryAtTheProjectVersion() {
        Element root = rootPom();
        Element bom = bomPom();
        assertEquals(null, child(bom, "parent"), "boltkt-bom must not inherit boltkt-parent's dependencyManagement");
        assertEquals(LibraryModules.projectVersion(), text(bom, "version"), "boltkt-bom version");
        for (String[] path : METADATA) {
            assertEquals(text(root, path), text(bom, path), "bom/pom.xml <" + String.join("/", path) + "> differs from the parent's");
        }
        Element managed = child(bom, "dependencyManagement", "dependencies");
        assertNotNull(managed, "bom/pom.xml has no dependencyManagement");
        Set<String> inBom = new TreeSet<>();
        for (org.w3c.dom.Node n = managed.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element dep)) continue;
            assertEquals("org.boltkt", text(dep, "groupId"));
            assertEquals("${project.version}", text(dep, "version"), "the BOM manages " + text(dep, "artifactId") + " at its own version");
            inBom.add(text(dep, "artifactId"));
        }
        Set<String> libraries = LibraryModules.all().stream().map(Library::artifactId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(libraries, inBom, "the BOM must manage exactly the library modules");
    }

    @Test
    void readmeStartsWithTheCoordinatesOfThisVersion() {
        String readme = LibraryModules.read(LibraryModules.root().resolve("README.md"));
        int status = readme.indexOf("\n## Status");
        assertTrue(status > 0, "README has a ## Status section");
        String head = readme.substring(0, status);
        String v = LibraryModules.projectVersion();
        for (String expected : List.of(
                "<artifactId>boltkt-bom</artifactId>\n      <version>" + v + "</version>",
                "<artifactId>boltkt-client</artifactId>",
                "<artifactId>boltkt-java-interop</artifactId>",
                "implementation(platform(\"org.boltkt:boltkt-bom:" + v + "\"))",
                "implementation(\"org.boltkt:boltkt-client\")")) {
            assertTrue(head.contains(expected), "README, before ## Status, must show: " + expected);
        }
    }
}
