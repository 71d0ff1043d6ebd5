package org.boltkt.releasecheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.boltkt.releasecheck.LibraryModules.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each published library jar must carry, read from the jars the reactor just built (this module is built after
 * the libraries, see its POM). A failure names the module and what is missing.
 */
class ReleaseArtifactsTest {

    static List<Library> libraries() {
        return LibraryModules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void mainJarIsANamedAutomaticModuleOwningOnlyItsOwnPackages(Library lib) {
        Path jar = existing(lib.jar(""));
        ModuleReference ref = ModuleFinder.of(jar).findAll().stream().findFirst().orElseThrow();
        ModuleDescriptor module = ref.descriptor();
        assertEquals(lib.moduleName(), module.name(),
                jar + ": Automatic-Module-Name must be the POM's boltkt.automaticModuleName, not a name derived from the file name");
        assertTrue(module.isAutomatic(), jar + " should be an automatic module (no module-info)");
        assertTrue(module.packages().size() > 0, jar + " holds no package");
        for (String pkg : module.packages()) {
            // Packages under the module name keep two boltkt jars from splitting a package on the module path.
            assertTrue(pkg.equals(lib.moduleName()) || pkg.startsWith(lib.moduleName() + "."),
                    jar + ": package " + pkg + " lies outside the module's name space " + lib.moduleName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void mainJarCarriesLicenseNoticeAndVersion(Library lib) throws IOException {
        Path jar = existing(lib.jar(""));
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String name : List.of("LICENSE", "NOTICE")) {
                var entry = file.getEntry("META-INF/" + name);
                assertNotNull(entry, jar + " lacks META-INF/" + name);
                assertArrayEquals(Files.readAllBytes(LibraryModules.root().resolve(name)), file.getInputStream(entry).readAllBytes(),
                        jar + ": META-INF/" + name + " differs from the project's " + name);
            }
            assertEquals(LibraryModules.projectVersion(), file.getManifest().getMainAttributes().getValue("Implementation-Version"),
                    jar + ": manifest Implementation-Version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void sourcesJarHoldsEveryMainSourceFile(Library lib) throws IOException {
        Path jar = existing(lib.jar("sources"));
        Set<String> expected = new java.util.TreeSet<>();
        for (String root : List.of("src/main/kotlin", "src/main/java")) {
            Path dir = lib.dir().resolve(root);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".kt") || p.toString().endsWith(".java"))
                        .forEach(p -> expected.add(dir.relativize(p).toString().replace('\\', '/')));
            }
        }
        assertTrue(expected.size() > 0, lib + " has no main sources to check against");
        Set<String> actual;
        try (JarFile file = new JarFile(jar.toFile())) {
            actual = file.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".kt") || n.endsWith(".java"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        assertEquals(expected, actual, jar + " must hold exactly the module's main source files");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void javadocJarRendersModuleMdAndTheKdocOfPublicDeclarations(Library lib) throws IOException {
        ApiDocsJar docs = ApiDocsJar.open(existing(lib.jar("javadoc")));
        docs.assertRendersModuleAndPackages(lib);
        docs.assertRendersKdocOf(lib);
    }

    @Test
    void clientJarCarriesThePomVersionForTheUserAgent() throws IOException {
        Library client = libraries().stream().filter(l -> l.artifactId().equals("boltkt-client")).findFirst().orElseThrow();
        try (JarFile file = new JarFile(existing(client.jar("")).toFile())) {
            var entry = file.getEntry("org/boltkt/client/version.properties");
            assertNotNull(entry, "the client jar lacks org/boltkt/client/version.properties (DriverVersion reads it)");
            Properties props = new Properties();
            props.load(file.getInputStream(entry));
            assertEquals(LibraryModules.projectVersion(), props.getProperty("version"),
                    "version.properties must be filtered with the POM's version");
        }
    }

    static Path existing(Path jar) {
        assertTrue(Files.isRegularFile(jar), jar + " was not built; run `mvn verify` from the root (this check reads the reactor's jars)");
        return jar;
    }
}
