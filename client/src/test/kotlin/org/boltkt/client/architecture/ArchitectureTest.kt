package org.boltkt.client.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import org.junit.jupiter.api.Test

/**
 * The layering of `bolt-protocol` and `client`, checked on the compiled classes (docs/ARCHITECTURE.md draws it).
 * Each module's layers are listed top to bottom: a layer may use only layers below it, so there is neither an upward
 * dependency nor a package cycle; the protocol module does no I/O and uses no coroutines or threads.
 */
class ArchitectureTest {

    @Test
    fun `bolt-protocol has no package cycle and no upward dependency`() {
        LayerRules.noUpwardDependencies(PROTOCOL_LAYERS).check(protocol)
        LayerRules.noCycles(PROTOCOL_LAYERS).check(protocol)
    }

    @Test
    fun `bolt-protocol does no I-O and uses no coroutines or threads`() {
        LayerRules.noIo("org.boltkt.protocol").check(protocol)
    }

    @Test
    fun `client has no package cycle and no upward dependency`() {
        LayerRules.noUpwardDependencies(CLIENT_LAYERS).check(client)
        LayerRules.noCycles(CLIENT_LAYERS).check(client)
    }

    @Test
    fun `every class of both modules belongs to a layer, so none escapes the rules`() {
        // Guards against a vacuous pass: the importer must have found the compiled classes.
        check(protocol.size > 50 && client.size > 200) { "imported only ${protocol.size} protocol and ${client.size} client classes" }
        val unplaced = (protocol.filter { c -> PROTOCOL_LAYERS.none { it.contains(c) } } +
            client.filter { c -> CLIENT_LAYERS.none { it.contains(c) } }).map { it.name }
        check(unplaced.isEmpty()) { "classes in no layer: $unplaced" }
    }

    companion object {
        private val importer = ClassFileImporter().withImportOption(ImportOption.DoNotIncludeTests())
        private val protocol: JavaClasses = importer.importPackages("org.boltkt.protocol")
        private val client: JavaClasses = importer.importPackages("org.boltkt.client")

        /** bolt-protocol, top to bottom; the root package holds the one exception type every layer throws. */
        internal val PROTOCOL_LAYERS: List<Layer> = listOf(
            Layer.packageTree("state", "org.boltkt.protocol.state"),
            Layer.packageTree("message", "org.boltkt.protocol.message"),
            Layer.packageTree("handshake", "org.boltkt.protocol.handshake"),
            Layer.packageTree("version", "org.boltkt.protocol.version"),
            Layer.packageTree("value", "org.boltkt.protocol.value"),
            Layer.packageTree("packstream", "org.boltkt.protocol.packstream"),
            Layer.packageTree("chunk", "org.boltkt.protocol.chunk"),
            Layer.packageOnly("protocol errors", "org.boltkt.protocol"),
        )

        private fun isEntryPoint(c: com.tngtech.archunit.core.domain.JavaClass) =
            c.packageName == "org.boltkt.client" && (c.simpleName == "DriverKt" || c.name.startsWith("org.boltkt.client.DriverKt$"))

        /**
         * client, top to bottom. The entry point (`BoltDriver(...)` in Driver.kt, class DriverKt) and `driver`
         * build the object graph; the rest of the root package is the public API's contracts (interfaces,
         * configs), which `session` implements and which name only data types of the layers below. The operations
         * helpers follow the same split: `admin` holds their public contract and result types (below the API that
         * exposes them), `admin.internal` implements them on top of the public session API.
         */
        internal val CLIENT_LAYERS: List<Layer> = listOf(
            Layer("entry point (BoltDriver)") { isEntryPoint(it) },
            Layer.packageTree("driver", "org.boltkt.client.driver"),
            Layer.packageTree("session", "org.boltkt.client.session"),
            Layer.packageTree("mapping", "org.boltkt.client.mapping"),
            Layer.packageTree("admin implementation", "org.boltkt.client.admin.internal"),
            Layer.packageOnly("api", "org.boltkt.client") { isEntryPoint(it) },
            Layer.packageOnly("admin api", "org.boltkt.client.admin"),
            Layer.packageTree("routing", "org.boltkt.client.routing"),
            Layer.packageTree("retry", "org.boltkt.client.retry"),
            Layer.packageTree("bookmark", "org.boltkt.client.bookmark"),
            Layer.packageTree("pool", "org.boltkt.client.pool"),
            Layer.packageTree("auth", "org.boltkt.client.auth"),
            Layer.packageTree("error", "org.boltkt.client.error"),
            Layer.packageTree("record", "org.boltkt.client.record"),
            Layer.packageTree("summary", "org.boltkt.client.summary"),
            Layer.packageTree("value", "org.boltkt.client.value"),
            Layer.packageTree("connection", "org.boltkt.client.connection"),
            // The listener contract and its events: every layer that emits events (connection and up) sees it;
            // it names only transport's ServerAddress.
            Layer.packageTree("observe", "org.boltkt.client.observe"),
            Layer.packageTree("transport", "org.boltkt.client.transport"),
        )
    }
}
