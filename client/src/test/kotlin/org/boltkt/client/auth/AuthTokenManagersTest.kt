package org.boltkt.client.auth

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainOnly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.test.advanceUntilIdle
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withContext
import org.boltkt.client.error.AuthenticationException
import org.boltkt.client.error.BoltException
import org.boltkt.client.error.ClientException
import org.boltkt.client.error.ErrorMapper
import org.boltkt.client.error.ForbiddenException
import org.boltkt.client.error.TokenExpiredException
import org.boltkt.protocol.message.AuthToken
import org.boltkt.protocol.message.Response
import org.junit.jupiter.api.Test
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger

class AuthTokenManagersTest {
    private fun failure(code: String): BoltException = ErrorMapper.fromFailure(Response.Failure(code, "m"))
    private val unauthorized get() = failure("Neo.ClientError.Security.Unauthorized")
    private val memgraphUnauthenticated get() = failure("Memgraph.ClientError.Security.Unauthenticated")
    private val tokenExpired get() = failure("Neo.ClientError.Security.TokenExpired")
    private val forbidden get() = failure("Neo.ClientError.Security.Forbidden")

    @Test
    fun `AuthTokens build the protocol tokens and hide credentials`() {
        AuthTokens.basic("neo4j", "secret", "native") shouldBe AuthToken.basic("neo4j", "secret", "native")
        AuthTokens.bearer("jwt") shouldBe AuthToken.bearer("jwt")
        AuthTokens.kerberos("tkt") shouldBe AuthToken.kerberos("tkt")
        AuthTokens.custom("sso", "p", "c") shouldBe AuthToken.custom("sso", "p", "c")
        AuthTokens.none() shouldBe AuthToken.none()
        AuthTokens.basic("neo4j", "secret").toString() shouldNotContain "secret"
    }

    @Test
    fun `static manager always returns its token and handles nothing`() = runTest {
        val token = AuthTokens.basic("u", "p")
        val manager = AuthTokenManagers.static(token)
        manager.getToken() shouldBe token
        listOf(unauthorized, tokenExpired, forbidden).forEach { manager.handleSecurityException(token, it) shouldBe false }
        manager.getToken() shouldBe token
    }

    @Test
    fun `basic manager caches and refreshes only after Unauthorized for the current token`() = runTest {
        val calls = AtomicInteger()
        val manager = AuthTokenManagers.basic { AuthTokens.basic("u", "p${calls.incrementAndGet()}") }

        val first = manager.getToken()
        first shouldBe AuthTokens.basic("u", "p1")
        manager.getToken() shouldBe first
        calls.get() shouldBe 1

        manager.handleSecurityException(first, tokenExpired) shouldBe false
        manager.handleSecurityException(first, forbidden) shouldBe false
        manager.getToken() shouldBe first

        manager.handleSecurityException(first, unauthorized) shouldBe true
        val second = manager.getToken()
        second shouldBe AuthTokens.basic("u", "p2")

        // A late error about the old token is still handled but must not discard the new one.
        manager.handleSecurityException(first, unauthorized) shouldBe true
        manager.getToken() shouldBe second
        calls.get() shouldBe 2

        manager.handleSecurityException(second, memgraphUnauthenticated) shouldBe true
        manager.getToken() shouldBe AuthTokens.basic("u", "p3")
    }

    @Test
    fun `bearer manager refreshes when the token expires on the clock`() = runTest {
        val clock = MutableClock()
        val calls = AtomicInteger()
        val manager = AuthTokenManagers.bearer(clock = clock) {
            val n = calls.incrementAndGet()
            ExpiringAuthToken.expiringIn(AuthTokens.bearer("t$n"), Duration.ofSeconds(60), clock)
        }
        manager.getToken() shouldBe AuthTokens.bearer("t1")
        clock.advance(Duration.ofSeconds(59))
        manager.getToken() shouldBe AuthTokens.bearer("t1")
        calls.get() shouldBe 1
        clock.advance(Duration.ofSeconds(1))
        manager.getToken() shouldBe AuthTokens.bearer("t2")
        calls.get() shouldBe 2
    }

    @Test
    fun `bearer manager refreshes on TokenExpired and Unauthorized, not on Forbidden`() = runTest {
        val clock = MutableClock()
        val calls = AtomicInteger()
        val manager = AuthTokenManagers.bearer(clock = clock) {
            ExpiringAuthToken(AuthTokens.bearer("t${calls.incrementAndGet()}"))
        }
        val t1 = manager.getToken()
        clock.advance(Duration.ofDays(3650))
        manager.getToken() shouldBe t1 // no expiry: valid until the server says otherwise

        manager.handleSecurityException(t1, forbidden) shouldBe false
        manager.getToken() shouldBe t1
        manager.handleSecurityException(t1, tokenExpired) shouldBe true
        val t2 = manager.getToken()
        t2 shouldBe AuthTokens.bearer("t2")
        manager.handleSecurityException(t2, unauthorized) shouldBe true
        manager.getToken() shouldBe AuthTokens.bearer("t3")
    }

    @Test
    fun `concurrent getToken calls during a refresh call the provider once`(): Unit = runBlocking {
        val calls = AtomicInteger()
        val gate = CompletableDeferred<Unit>()
        val manager = AuthTokenManagers.bearer {
            calls.incrementAndGet()
            gate.await()
            ExpiringAuthToken(AuthTokens.bearer("shared"))
        }
        val tokens = withContext(Dispatchers.Default) {
            val all = (1..200).map { async { manager.getToken() } }
            delay(200) // let every caller reach the refresh while the provider is still waiting
            gate.complete(Unit)
            all.awaitAll()
        }
        calls.get() shouldBe 1
        tokens shouldContainOnly listOf(AuthTokens.bearer("shared"))
    }

    @Test
    fun `a failing or cancelled provider caches nothing and the next call tries again`() = runTest {
        val calls = AtomicInteger()
        val manager = AuthTokenManagers.basic {
            when (calls.incrementAndGet()) {
                1 -> throw IllegalStateException("vault down")
                2 -> { delay(10_000); AuthTokens.basic("u", "never") }
                else -> AuthTokens.basic("u", "ok")
            }
        }
        shouldThrow<IllegalStateException> { manager.getToken() }
        val slow = launch { manager.getToken() }
        runCurrent()
        slow.cancel()
        advanceUntilIdle()
        manager.getToken() shouldBe AuthTokens.basic("u", "ok")
        calls.get() shouldBe 3
    }

    @Test
    fun `onSecurityError marks handled security errors retryable and leaves others alone`() = runTest {
        val manager = AuthTokenManagers.bearer { ExpiringAuthToken(AuthTokens.bearer("t")) }
        val token = manager.getToken()

        val expired = tokenExpired as TokenExpiredException
        expired.isRetryable shouldBe false
        manager.onSecurityError(token, expired) shouldBe true
        expired.isRetryable shouldBe true

        val denied = forbidden as ForbiddenException
        manager.onSecurityError(token, denied) shouldBe false
        denied.isRetryable shouldBe false

        val syntax = failure("Neo.ClientError.Statement.SyntaxError") as ClientException
        val everything = object : AuthTokenManager {
            override suspend fun getToken() = token
            override fun handleSecurityException(token: AuthToken, error: BoltException) = true
        }
        everything.onSecurityError(token, syntax) shouldBe false
        syntax.isRetryable shouldBe false

        val throwing = object : AuthTokenManager {
            override suspend fun getToken() = token
            override fun handleSecurityException(token: AuthToken, error: BoltException): Boolean = error("boom")
        }
        val unauth = unauthorized as AuthenticationException
        throwing.onSecurityError(token, unauth) shouldBe false
        unauth.isRetryable shouldBe false
        unauth.suppressed.single().message shouldBe "boom"
    }
}
