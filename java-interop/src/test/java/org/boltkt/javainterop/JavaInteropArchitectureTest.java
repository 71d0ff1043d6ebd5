package org.boltkt.javainterop;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * java-interop is the top layer: a thin facade over the client's public API. Checked on the compiled classes: no
 * package cycle inside it, and no dependency on the client's internal layers (session, driver, routing, pool
 * internals, connection) or on the protocol's wire layers; only the public API types and values.
 */
class JavaInteropArchitectureTest {
    private static final JavaClasses FACADE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.boltkt.javainterop");

    /** Internal layers of the client and the wire layers of the protocol: none is part of the public API. */
    static final DescribedPredicate<JavaClass> INTERNAL_LAYERS = DescribedPredicate.describe(
        "belong to an internal layer of the client or protocol",
        c -> {
            String p = c.getPackageName();
            return p.startsWith("org.boltkt.client.session") || p.startsWith("org.boltkt.client.driver")
                || p.startsWith("org.boltkt.client.routing") || p.startsWith("org.boltkt.client.connection")
                || (p.equals("org.boltkt.client.pool") && !c.getSimpleName().equals("PoolMetrics"))
                || p.startsWith("org.boltkt.protocol.state") || p.startsWith("org.boltkt.protocol.chunk")
                || p.startsWith("org.boltkt.protocol.handshake") || p.startsWith("org.boltkt.protocol.packstream");
        });

    @Test
    void theFacadeUsesOnlyThePublicApi() {
        noClasses().that().resideInAPackage("org.boltkt.javainterop..")
            .should().dependOnClassesThat(INTERNAL_LAYERS)
            .check(FACADE);
    }

    @Test
    void theFacadeHasNoPackageCycle() {
        slices().matching("org.boltkt.javainterop.(**)").should().beFreeOfCycles()
            .allowEmptyShould(true)
            .check(FACADE);
    }
}
