package org.boltkt.testkit

import java.nio.file.Path

/**
 * Where NewDriver's `trustedCertificates` are: testkit names its custom CA files (`customRoot.crt`) without a
 * directory, which its Docker setup mounts at a fixed place; here the environment variable [ENV] names that
 * directory (the runner sets it to testkit's `tests/tls/certs/driver/custom`). Absolute paths are used as given.
 */
object TestCertificates {
    const val ENV = "TESTKIT_CUSTOM_CA_DIR"

    fun customCa(name: String): Path {
        val path = Path.of(name)
        if (path.isAbsolute) return path
        val dir = System.getenv(ENV) ?: throw BadRequestException("custom CA '$name' has no directory: set $ENV to the directory of testkit's custom CA files")
        return Path.of(dir).resolve(name)
    }
}
