package org.boltkt.client.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.runBlocking
import org.boltkt.client.BoltDriver
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.TransientException
import org.boltkt.client.use
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.RequestKind
import org.boltkt.testing.scripted.ScriptedBoltServer
import org.boltkt.testing.scripted.failure
import org.boltkt.testing.scripted.success
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit

/**
 * Found by testkit (`authorization` test_auth_token_manager `test_error_on_*`): a security error on RUN/PULL of a
 * connection that works with the manager's token reaches [AuthTokenManager.handleSecurityException] exactly once,
 * and the manager's "handled" makes the error retryable. Other errors, and work under session credentials, do not.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecurityErrorNotificationTest {
    private class Tracking(private val handles: Boolean) : AuthTokenManager {
        val token = AuthToken.basic("neo4j", "pw")
        val seen = CopyOnWriteArrayList<Pair<AuthToken, String?>>()
        override suspend fun getToken(): AuthToken = token
        override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean {
            seen += token to error.code
            return handles
        }
    }

    /** Runs [block] with a driver on [server] using [manager], closing both afterwards. */
    private fun withDriver(server: ScriptedBoltServer, manager: AuthTokenManager, block: suspend (org.boltkt.client.Driver) -> Unit) =
        server.start().use { s ->
            val driver = BoltDriver(s.uri, manager)
            try {
                runBlocking { block(driver) }
            } finally {
                runBlocking { driver.close() }
            }
        }

    private fun failingPull(code: String) = ScriptedBoltServer {
        hello(); logon()
        expect(RequestKind.RUN); expect(RequestKind.PULL)
        reply(success("fields" to listOf("n")), failure(code, "nope"))
    }

    @ParameterizedTest(name = "{0} handled={1}")
    @CsvSource(
        "Neo.ClientError.Security.TokenExpired, true", "Neo.ClientError.Security.TokenExpired, false",
        "Neo.ClientError.Security.Unauthorized, true", "Neo.ClientError.Security.MadeUp, false",
    )
    fun `a security error on PULL is shown to the manager once and its answer decides retryability`(code: String, handled: Boolean) {
        val manager = Tracking(handled)
        withDriver(failingPull(code), manager) { driver ->
            val e = shouldThrow<ClientException> { driver.session().use { it.run("RETURN 1 AS n").consume() } }
            e.code shouldBe code
            e.isHandledByAuthManager shouldBe handled
            e.isRetryable shouldBe handled
            manager.seen shouldContainExactly listOf(manager.token to code)
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource("Neo.TransientError.General.DatabaseUnavailable", "Neo.ClientError.Statement.SyntaxError")
    fun `other errors are not shown to the manager`(code: String) {
        val manager = Tracking(true)
        withDriver(failingPull(code), manager) { driver ->
            val e = shouldThrow<BoltException> { driver.session().use { it.run("RETURN 1 AS n").consume() } }
            e.code shouldBe code
            if (e is TransientException) e.isRetryable shouldBe true
            manager.seen shouldBe emptyList()
        }
    }

    @ParameterizedTest(name = "session credentials")
    @CsvSource("Neo.ClientError.Security.TokenExpired")
    fun `a failure under session credentials is not the manager's business`(code: String) {
        val manager = Tracking(true)
        withDriver(failingPull(code), manager) { driver ->
            val e = shouldThrow<ClientException> {
                driver.session { auth = AuthToken.basic("other", "pw") }.use { it.run("RETURN 1 AS n").consume() }
            }
            e.isHandledByAuthManager shouldBe false
            manager.seen shouldBe emptyList()
        }
    }
}
