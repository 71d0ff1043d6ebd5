package org.boltkt.client.connection

import java.util.Properties

/**
 * The driver's version, read once from `org/boltkt/client/version.properties`, which Maven fills in from the POM's
 * version when it builds the jar: the POM is the one place the version is written.
 */
internal object DriverVersion {
    private const val RESOURCE = "/org/boltkt/client/version.properties"

    /** E.g. `0.1.0` or `0.1.0-SNAPSHOT`; `unknown` when the resource was stripped from the jar (a repackaging). */
    val VERSION: String = read()

    /** The default user agent and bolt_agent product: `boltkt/<version>`. */
    val USER_AGENT: String = "boltkt/$VERSION"

    private fun read(): String {
        // A missing resource must not stop the driver from connecting: the agent string is informational only.
        val stream = DriverVersion::class.java.getResourceAsStream(RESOURCE) ?: return "unknown"
        val version = stream.use { Properties().apply { load(it) } }.getProperty("version")
        return if (version.isNullOrBlank() || version.startsWith("\${")) "unknown" else version
    }
}
