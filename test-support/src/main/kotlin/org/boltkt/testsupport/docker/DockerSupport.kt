package org.boltkt.testsupport.docker

import org.junit.jupiter.api.Assumptions
import org.testcontainers.DockerClientFactory

/**
 * Whether a Docker engine is reachable for Testcontainers. Without one, container tests report *skipped* with
 * [unavailableReason]; they never pass silently and never fail for a missing engine.
 */
object DockerSupport {
    /** Null when Docker is usable, else why not. Asked once per JVM (the check takes ~0.3 s without an engine). */
    val unavailableReason: String? by lazy {
        val available = runCatching { DockerClientFactory.instance().isDockerAvailable }.getOrDefault(false)
        if (available) null else "no Docker engine reachable (Testcontainers could not connect to a Docker daemon)"
    }

    /** Aborts the calling JUnit 5 test as skipped, with the reason, where Docker is unavailable. */
    fun assumeAvailable() {
        val reason = unavailableReason
        Assumptions.assumeTrue(reason == null) { reason ?: "" }
    }
}
