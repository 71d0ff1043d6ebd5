package org.boltkt.testkit

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runInterruptible
import java.net.InetAddress

/**
 * Host names the backend resolves itself, for drivers whose test registered no domain-name resolver: testkit's
 * TLS folder dials `thehost` and `thehostbutwrong`, which its Docker setup maps to the TLS server; a local run maps
 * them here instead of in `/etc/hosts`. Other names go to the system's DNS. The host name stays the one the test
 * gave, so TLS still checks the certificate against it.
 *
 * Set by the environment variable [ENV]: `name=ip[,name=ip…]`, e.g. `thehost=127.0.0.1,thehostbutwrong=127.0.0.1`.
 */
class TestHosts(private val addresses: Map<String, InetAddress>) {
    suspend fun resolve(name: String): List<InetAddress> =
        addresses[name.lowercase()]?.let(::listOf) ?: runInterruptible(Dispatchers.IO) { InetAddress.getAllByName(name).toList() }

    companion object {
        const val ENV = "TESTKIT_HOSTS"

        /** Parses [spec]; a malformed entry or an address that is not an IP literal fails naming the entry. */
        fun parse(spec: String): TestHosts = TestHosts(
            spec.split(',').map(String::trim).filter(String::isNotEmpty).associate { entry ->
                val name = entry.substringBefore('=', "").trim().lowercase()
                val ip = entry.substringAfter('=', "").trim()
                require(name.isNotEmpty() && ip.isNotEmpty() && ip.all { it.isDigit() || it == '.' || it == ':' || it in 'a'..'f' || it in 'A'..'F' }) {
                    "$ENV entry '$entry' is not name=ip (e.g. thehost=127.0.0.1)"
                }
                name to InetAddress.getByName(ip)
            },
        )

        /** The map [ENV] names, or null when it is unset or empty. */
        fun fromEnvironment(): TestHosts? = System.getenv(ENV)?.takeIf { it.isNotBlank() }?.let(::parse)
    }
}
