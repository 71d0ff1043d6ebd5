package org.boltkt.client.dns

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.boltkt.client.BoltDriver
import org.boltkt.client.Driver
import org.boltkt.client.DriverConfigBuilder
import org.boltkt.client.error.ServiceUnavailableException
import org.boltkt.client.record.getLong
import org.boltkt.client.transport.TransportKind
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.record
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.net.InetAddress
import java.net.UnknownHostException
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import kotlin.time.Duration.Companion.seconds

/** `DriverConfig.domainNameResolver` replaces DNS for a `bolt://` driver: names it invents connect, failures are typed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DomainNameResolverTest {
    private val loopback: InetAddress = InetAddress.getByName("127.0.0.1")

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportKind::class)
    fun `a host only the resolver knows connects, and the resolver is asked for that name`(kind: TransportKind) {
        val asked = CopyOnWriteArrayList<String>()
        queryServer().start().use { server ->
            withDriver("bolt://$INVENTED:${server.port}", {
                transport = kind
                domainNameResolver = { name -> asked += name; listOf(loopback) }
            }) { driver ->
                driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L
            }
            asked shouldContainExactly listOf(INVENTED)
            server.connectionsAccepted shouldBe 1
        }
    }

    @Test
    fun `every returned address is tried in order, as with DNS results`() {
        queryServer().start().use { server ->
            // 127.0.0.2 is loopback too, but nothing listens there on this port: refused, then the next one connects.
            withDriver("bolt://$INVENTED:${server.port}", {
                domainNameResolver = { listOf(InetAddress.getByName("127.0.0.2"), loopback) }
            }) { driver ->
                driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L
            }
            server.connectionsAccepted shouldBe 1
        }
    }

    @Test
    fun `an empty answer or a thrown exception is a connect failure naming the host, and the pool stays usable`() {
        var answer: suspend (String) -> List<InetAddress> = { emptyList() }
        queryServer().start().use { server ->
            withDriver("bolt://$INVENTED:${server.port}", {
                maxConnectionPoolSize = 1
                domainNameResolver = { name -> answer(name) }
            }) { driver ->
                repeat(3) {
                    val empty = shouldThrow<ServiceUnavailableException> { driver.verifyConnectivity() }
                    empty.message.orEmpty() shouldContain "'$INVENTED'"
                    empty.message.orEmpty() shouldContain "domainNameResolver returned no address"
                }
                val thrown = UnknownHostException("not in my table")
                answer = { throw thrown }
                repeat(3) {
                    val failed = shouldThrow<ServiceUnavailableException> { driver.verifyConnectivity() }
                    failed.message.orEmpty() shouldContain "'$INVENTED'"
                    failed.message.orEmpty() shouldContain "not in my table"
                    generateSequence<Throwable>(failed) { it.cause }.any { it === thrown } shouldBe true
                }
                driver.metrics().sumOf { it.inUse + it.idle } shouldBe 0
                server.connectionsAccepted shouldBe 0
                // The failed attempts released their permit of the one-connection pool.
                answer = { listOf(loopback) }
                driver.session().use { it.run("RETURN 1 AS n").single().getLong("n") } shouldBe 1L
            }
        }
    }

    @Test
    fun `cancelling a connect cancels the resolver call`() {
        val entered = CompletableDeferred<Unit>()
        val cancelled = CompletableDeferred<Unit>()
        queryServer().start().use { server ->
            withDriver("bolt://$INVENTED:${server.port}", {
                domainNameResolver = {
                    entered.complete(Unit)
                    try {
                        awaitCancellation()
                    } finally {
                        cancelled.complete(Unit)
                    }
                }
            }) { driver ->
                runBlocking {
                    val connect = launch { driver.verifyConnectivity() }
                    entered.await()
                    connect.cancel()
                    withTimeout(10.seconds) { cancelled.await() }
                    connect.join()
                }
                driver.metrics().sumOf { it.inUse + it.idle } shouldBe 0
            }
            server.connectionsAccepted shouldBe 0
        }
    }

    private fun queryServer() = ScriptedBoltServer.perConnection {
        connection {
            hello(server = "Neo4j/5.26.0")
            logon()
            expect(RequestKind.RUN); expect(RequestKind.PULL)
            reply(success("fields" to listOf("n")), record(1L), success("type" to "r"))
        }
    }

    private fun withDriver(uri: String, configure: DriverConfigBuilder.() -> Unit, block: suspend (Driver) -> Unit) {
        val driver = BoltDriver(uri, AuthToken.basic("neo4j", "pw")) {
            connectionAcquisitionTimeout = 10.seconds
            connectionTimeout = 2.seconds
            configure()
        }
        try {
            runBlocking { withTimeout(30.seconds) { block(driver) } }
        } finally {
            runBlocking { withTimeout(10.seconds) { driver.close() } }
        }
    }

    private companion object {
        const val INVENTED = "no-such-host.invalid"
    }
}
