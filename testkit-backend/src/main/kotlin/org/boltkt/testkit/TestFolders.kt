package org.boltkt.testkit

import org.boltkt.client.HandshakeMode

/** What depends on the testkit folder a test comes from (its id starts with `stub.`, `neo4j.`, `tls.`). */
object TestFolders {
    /**
     * The handshake of a driver created for [testName]. Stub tests (and a connection that sent no StartTest) get
     * [HandshakeMode.LEGACY]: testkit's 4.1/4.2 stubs read no version ranges and fail a test on a refused handshake,
     * so the default's second connect would reach them only after a recorded failure, and testkit 5.0 has no
     * manifest or Bolt 6 stub. Every other folder talks to real servers (or TLS servers that only read the magic)
     * and gets the driver's default [HandshakeMode.AUTO], so a 2026.x server is tested on Bolt 6.
     */
    fun handshakeFor(testName: String?): HandshakeMode =
        if (testName == null || testName.startsWith("stub.")) HandshakeMode.LEGACY else HandshakeMode.AUTO
}
