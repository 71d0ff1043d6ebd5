package org.boltkt.client.transport

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThanOrEqual
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeout
import java.net.InetAddress
import java.net.ServerSocket
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlin.time.TimeSource

/** Connect failures, connect timeout and cancelled connects for every [TransportKind]; loopback only. */
class TransportConnectSpec : FunSpec({
    val factories = TransportKind.entries.associateWith { it.newFactory() }
    afterSpec { factories.values.forEach { it.close() } }

    fun closedPort(): ServerAddress {
        val port = ServerSocket(0, 1, InetAddress.getLoopbackAddress()).use { it.localPort }
        return ServerAddress("127.0.0.1", port)
    }

    for ((kind, factory) in factories) {
        context(kind.name) {
            test("a refused connect fails quickly with TransportConnectException naming the address")
                .config(timeout = 15.seconds) {
                    val address = closedPort()
                    val start = TimeSource.Monotonic.markNow()
                    val e = shouldThrow<TransportConnectException> { factory.connect(address) }
                    start.elapsedNow().inWholeMilliseconds shouldBeLessThanOrEqual 2_000
                    e.address shouldBe address
                    e.isTimeout shouldBe false
                    e.message shouldContain address.toString()
                    e.cause.shouldNotBeNull()
                }

            test("a connect to a blackhole fails after the connect timeout, naming address and timeout")
                .config(timeout = 20.seconds) {
                    Blackhole().use { hole ->
                        val timeout = 500.milliseconds
                        val start = TimeSource.Monotonic.markNow()
                        val e = shouldThrow<TransportConnectException> {
                            factory.connect(hole.address, TransportOptions(connectTimeout = timeout))
                        }
                        val elapsed = start.elapsedNow()
                        (elapsed >= timeout) shouldBe true
                        (elapsed < 3.seconds) shouldBe true
                        e.timeout shouldBe timeout
                        e.message shouldContain hole.address.toString()
                        e.message shouldContain timeout.toString()
                    }
                }

            test("a cancelled connect ends promptly and leaks no socket")
                .config(timeout = 30.seconds) {
                    Blackhole().use { hole ->
                        suspend fun cancelledConnect() {
                            val connect = launch {
                                factory.connect(hole.address, TransportOptions(connectTimeout = 30.seconds))
                            }
                            delay(100.milliseconds)
                            connect.isActive shouldBe true
                            connect.cancel()
                            withTimeout(2.seconds) { connect.join() }
                        }
                        cancelledConnect() // warm-up: lazily created selector or channel-group descriptors
                        val before = openFileDescriptors()
                        repeat(ATTEMPTS) { cancelledConnect() }
                        if (before != null) {
                            val after = awaitDescriptorsAtMost(before + SLACK, within = 3.seconds)!!
                            after shouldBeLessThanOrEqual before + SLACK
                        }
                    }
                }

            test("timed-out connects leak no socket").config(timeout = 30.seconds) {
                Blackhole().use { hole ->
                    val options = TransportOptions(connectTimeout = 100.milliseconds)
                    shouldThrow<TransportConnectException> { factory.connect(hole.address, options) }
                    val before = openFileDescriptors()
                    repeat(ATTEMPTS) { shouldThrow<TransportConnectException> { factory.connect(hole.address, options) } }
                    if (before != null) {
                        val after = awaitDescriptorsAtMost(before + SLACK, within = 3.seconds)!!
                        after shouldBeLessThanOrEqual before + SLACK
                    }
                }
            }
        }
    }

    test("a closed ktor factory refuses to connect") {
        val factory = KtorTransportFactory()
        factory.close()
        factory.close()
        shouldThrow<IllegalStateException> { factory.connect(closedPort()) }
    }
}) {
    private companion object {
        const val ATTEMPTS = 20
        const val SLACK = 4L
    }
}
