package org.boltkt.testkit

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonObject
import org.boltkt.client.Driver
import org.boltkt.client.Result
import org.boltkt.client.Session
import org.boltkt.client.TransactionContext
import org.boltkt.client.auth.AuthTokenManager
import org.boltkt.client.bookmark.BookmarkManager
import org.slf4j.LoggerFactory
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicLong

/** What the frontend said about one attempt of a transaction function. */
sealed interface RetryOutcome {
    data object Positive : RetryOutcome
    data class Negative(val errorId: String) : RetryOutcome
}

class SessionEntry(val driverId: String, val session: Session) {
    /** RetryablePositive / RetryableNegative for the transaction function currently waiting in this session. */
    val retries = Channel<RetryOutcome>(Channel.UNLIMITED)
}

class DriverEntry(val driver: Driver, val encrypted: Boolean)

/**
 * One testkit connection: its object registries (all ids share one counter, as testkit expects ids to be unique),
 * the callbacks waiting for the frontend, and the dispatch of requests.
 *
 * Threading: a reader thread parses requests. Requests answering a callback (`…Completed`, `Retryable…`) complete
 * the waiting coroutine directly from that thread; every other request runs as a coroutine on [handlers], a single
 * thread, so the registries are only touched there. A handler may stay suspended (a transaction function waits for
 * the frontend) while later requests run: that is how testkit drives transaction functions.
 */
class Backend(private val writer: ResponseWriter) {
    private val log = LoggerFactory.getLogger(Backend::class.java)
    private val ids = AtomicLong()
    private val executor = Executors.newSingleThreadExecutor { r -> Thread(r, "testkit-handlers").apply { isDaemon = true } }
    private val handlers: ExecutorCoroutineDispatcher = executor.asCoroutineDispatcher()
    private val scope = CoroutineScope(SupervisorJob() + handlers)

    val drivers = HashMap<String, DriverEntry>()
    val sessions = HashMap<String, SessionEntry>()
    val transactions = HashMap<String, TransactionContext>()
    val results = HashMap<String, Result>()
    val bookmarkManagers = HashMap<String, BookmarkManager>()
    val authManagers = HashMap<String, AuthTokenManager>()
    val certificateProviders = HashMap<String, org.boltkt.client.transport.ClientCertificateProvider>()
    val fakeTime = FakeTime()

    /** The id StartTest named on this connection (testkit sends it first), or null before it. */
    @Volatile
    var testName: String? = null
    val errors = ConcurrentHashMap<String, Throwable>()
    private val pending = ConcurrentHashMap<String, CompletableDeferred<JsonObject>>()

    fun newId(): String = ids.incrementAndGet().toString()

    fun send(name: String, data: JsonObject = JsonObject(emptyMap())) = writer.send(name, data)

    /** Sends a callback request built by [request] (given the new request id) and suspends until testkit answers. */
    suspend fun callback(request: (String) -> Pair<String, JsonObject>): JsonObject {
        val id = newId()
        val answer = CompletableDeferred<JsonObject>()
        pending[id] = answer
        try {
            val (name, data) = request(id)
            send(name, data)
            return answer.await()
        } finally {
            pending.remove(id)
        }
    }

    /** Like [callback] for driver hooks that may not suspend; blocks the calling thread until testkit answers. */
    fun blockingCallback(request: (String) -> Pair<String, JsonObject>): JsonObject = runBlocking { callback(request) }

    /** Entry point of the reader thread for every parsed request. */
    fun dispatch(request: Request) {
        when (request.name) {
            "RetryablePositive" -> retry(request, RetryOutcome.Positive)
            "RetryableNegative" -> retry(request, RetryOutcome.Negative(request.data.strOrNull("errorId") ?: ""))
            in COMPLETIONS -> {
                val id = request.data.id("requestId")
                pending[id]?.complete(request.data) ?: log.warn("testkit answered unknown callback {}", id)
            }
            else -> scope.launch { handle(request) }
        }
    }

    private fun retry(request: Request, outcome: RetryOutcome) {
        val session = request.data.id("sessionId")
        scope.launch {
            val entry = sessions[session]
            if (entry == null) send("BackendError", obj("msg" to "no session $session")) else entry.retries.send(outcome)
        }
    }

    private suspend fun handle(request: Request) {
        try {
            Handlers.handle(this, request)
        } catch (e: CancellationException) {
            throw e
        } catch (e: FrontendFailure) {
            send("FrontendError", obj("msg" to (e.message ?: "frontend failure")))
        } catch (e: BadRequestException) {
            send("BackendError", obj("msg" to "${request.name}: ${e.message}"))
        } catch (e: UnsupportedRequestException) {
            send("BackendError", obj("msg" to "${request.name}: ${e.message}"))
        } catch (e: Exception) {
            sendDriverError(e)
        }
    }

    /** Registers [error] and answers with a DriverError that refers to it. */
    fun sendDriverError(error: Throwable) {
        val id = newId()
        errors[id] = error
        log.debug("driver error {}", id, error)
        send("DriverError", ErrorJson.driverError(id, error))
    }

    fun close() {
        runBlocking(handlers) {
            for (entry in drivers.values.toList()) {
                try {
                    entry.driver.close()
                } catch (e: Exception) {
                    log.debug("closing driver", e)
                }
            }
        }
        scope.cancel()
        handlers.close()
    }

    companion object {
        val COMPLETIONS = setOf(
            "ResolverResolutionCompleted", "DomainNameResolutionCompleted",
            "BookmarksSupplierCompleted", "BookmarksConsumerCompleted",
            "AuthTokenManagerGetAuthCompleted", "AuthTokenManagerHandleSecurityExceptionCompleted",
            "BasicAuthTokenProviderCompleted", "BearerAuthTokenProviderCompleted",
            "ClientCertificateProviderCompleted",
        )
    }
}

/** A request this backend does not implement (its feature is not advertised). */
class UnsupportedRequestException(message: String) : RuntimeException(message)
