package org.boltkt.javainterop

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.async
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.withContext
import org.boltkt.client.error.ClientException
import org.boltkt.client.observe.DriverListener
import org.boltkt.client.observe.ListenerCallerContext
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.time.toJavaDuration
import kotlin.time.toKotlinDuration

// Glue shared by the facade: starting coroutines as futures, waiting for them without pinning a thread, converting
// durations. No driver logic lives here.

/**
 * A future backed by a coroutine. Cancelling the future completes it at once (as `CompletableFuture.cancel` must)
 * and cancels the coroutine, which may still run its clean-up afterwards (discarding the rest of a result, closing
 * a connection, returning it to the pool): [job] ends only when that is done.
 */
internal class CoroutineFuture<T> : CompletableFuture<T>() {
    internal lateinit var job: Job

    /**
     * The block's value once it returned. A cancellation that reached the coroutine after its block already
     * produced the value (a read that took the next record) completes the future without it; a blocking caller
     * released by an interrupt takes it from here instead of losing it (see [awaitBlocking]).
     */
    @Volatile
    internal var produced: Any? = NotProduced
}

/** [CoroutineFuture.produced] before the block returned. */
private object NotProduced

/**
 * Starts [block] as a coroutine of this scope and returns it as a future. The future completes with the block's
 * value or, exceptionally, with the *unwrapped* exception the block threw; cancelling the future cancels the
 * coroutine (see [CoroutineFuture]). Called from a dependent stage of another facade future (a driver thread), the
 * block begins on that thread (see [ChainedStart]); otherwise it is dispatched to the scope's executor.
 */
internal fun <T> CoroutineScope.launchFuture(block: suspend CoroutineScope.() -> T): CompletableFuture<T> =
    startFuture(this, after = null, mustRun = false, onCaller = ChainedStart.here(), block)

/**
 * [launchFuture] for a caller that waits for the future at once (the blocking facade): the coroutine starts on the
 * calling thread and runs there until it first suspends (a wait for the server), and only then continues on the
 * scope's dispatcher. A call that does not wait at all (a record, the summary or a close already in hand) thus
 * costs no thread hand-off; one that waits saves the hop to the dispatcher before its request is written. The
 * future may therefore already be complete when this returns. Not for futures handed to users, whose callbacks must
 * run on the executor (see [JavaDriver]).
 */
internal fun <T> CoroutineScope.startOnCaller(block: suspend CoroutineScope.() -> T): CompletableFuture<T> =
    startFuture(this, after = null, mustRun = false, onCaller = !Thread.currentThread().isInterrupted, block)

/**
 * Runs [block] for a blocking call and waits for it ([startOnCaller], then [awaitBlocking]). A thread that is
 * already interrupted does not start it on itself: the operation is dispatched and the interrupt cancels it at once,
 * as it always did.
 */
internal fun <T> CoroutineScope.callBlocking(block: suspend CoroutineScope.() -> T): T = startOnCaller(block).awaitBlocking()

/** The same for work without a value: `CompletableFuture<Void>` in Java, completed with null. */
internal fun CoroutineScope.launchUnit(block: suspend CoroutineScope.() -> Unit): CompletableFuture<Void?> =
    launchFuture { block(); null }

/** [SerialFutures.launchClose] for a caller that waits for each call (the blocking facade), started as [startOnCaller]. */
internal fun CoroutineScope.launchClose(block: suspend CoroutineScope.() -> Unit): CompletableFuture<Void?> =
    startFuture(this, after = null, mustRun = true, onCaller = !Thread.currentThread().isInterrupted) { block(); null }

/**
 * Starts the futures of one session (its own, its transactions' and its cursors') one after another: each waits
 * until the coroutine of the one before has *ended*, including the clean-up a cancelled one still runs after its
 * future completed. Without this, a user who cancels a read and then closes the session (the natural sequence)
 * has two coroutines working on the session's connection at once. A session is used one operation at a time
 * anyway, so a caller that waits for each future never waits here; the wait after a cancellation is bounded by the
 * driver's clean-up bound (10 s). Thread-safe.
 */
internal class SerialFutures(val scope: CoroutineScope) {
    private var last: Job? = null

    /** True when no operation of this session is still running, its clean-up included. */
    val idle: Boolean get() = synchronized(this) { last?.isCompleted ?: true }

    /** [launchFuture], after every operation started before it ended. */
    fun <T> launch(block: suspend CoroutineScope.() -> T): CompletableFuture<T> = start(mustRun = false, block)

    /** [launchUnit], after every operation started before it ended. */
    fun launchUnit(block: suspend CoroutineScope.() -> Unit): CompletableFuture<Void?> = launch { block(); null }

    /**
     * Like [launchUnit] for a close: it runs to its end even when its future is cancelled (or the caller
     * interrupted) before or while it runs, because a close that never ran keeps the session's connection from
     * the pool for good. The driver bounds a close's clean-up.
     */
    fun launchClose(block: suspend CoroutineScope.() -> Unit): CompletableFuture<Void?> = start(mustRun = true) { block(); null }

    private fun <T> start(mustRun: Boolean, block: suspend CoroutineScope.() -> T): CompletableFuture<T> = synchronized(this) {
        startFuture(scope, last?.takeUnless { it.isCompleted }, mustRun, onCaller = ChainedStart.here(), block).also { last = it.job }
    }
}

/**
 * In the driver's scope when a listener is set: each future captures the listener's caller context on the thread
 * that starts it (the Java caller's), since the coroutine runs on the executor's threads.
 */
internal class CallerCapture(private val listener: DriverListener) : AbstractCoroutineContextElement(CallerCapture) {
    fun capture(): CoroutineContext = ListenerCallerContext.capture(listener)

    companion object Key : CoroutineContext.Key<CallerCapture>
}

private fun <T> startFuture(
    scope: CoroutineScope,
    after: Job?,
    mustRun: Boolean,
    onCaller: Boolean,
    block: suspend CoroutineScope.() -> T,
): CoroutineFuture<T> {
    val future = CoroutineFuture<T>()
    val caller = scope.coroutineContext[CallerCapture]?.capture() ?: EmptyCoroutineContext
    // UNDISPATCHED, like ATOMIC, runs the block even when the scope is already cancelled: a close still runs (mustRun)
    // and any other call still fails with the cancellation at its ensureActive() below.
    val start = when {
        onCaller -> CoroutineStart.UNDISPATCHED
        mustRun -> CoroutineStart.ATOMIC
        else -> CoroutineStart.DEFAULT
    }
    val deferred = scope.async(caller, start = start) {
        if (after != null) {
            // Not cancellable: when this operation is cancelled while it waits, the next one must still find the
            // clean-up of the one before finished once this one ended.
            withContext(NonCancellable) { after.join() }
        }
        val value = if (mustRun) {
            withContext(NonCancellable) { block() }
        } else {
            ensureActive()
            block()
        }
        future.produced = value
        value
    }
    future.job = deferred
    deferred.invokeOnCompletion { cause ->
        ChainedStart.completing {
            if (cause == null) {
                @OptIn(ExperimentalCoroutinesApi::class)
                future.complete(deferred.getCompleted())
            } else {
                future.completeExceptionally(cause)
            }
        }
    }
    future.whenComplete { _, failure ->
        if (failure != null) deferred.cancel(failure as? CancellationException ?: kotlinx.coroutines.CancellationException("the future was completed exceptionally", failure))
        else deferred.cancel()
    }
    return future
}

/** How long a caller released by an interrupt waits for the cancelled operation's clean-up (the core bounds it by 10 s). */
internal val CLEANUP_WAIT: java.time.Duration = java.time.Duration.ofSeconds(15)

/**
 * Waits for this future on the calling thread and returns its value, rethrowing the original exception (never an
 * [ExecutionException]/[CompletionException] wrapper).
 *
 * Uses [CompletableFuture.get], which parks the thread with `LockSupport.park`: no monitor is held, so a virtual
 * thread unmounts instead of pinning its carrier. When the waiting thread is interrupted, the future (and thus the
 * coroutine behind it) is cancelled and the thread waits, uninterruptibly and at most 15 s, until the cancelled
 * coroutine's clean-up ended (so the session's next call never meets it); then the interrupt flag is restored and a
 * [ClientException] is thrown — unless the operation had already produced its value when the cancellation reached
 * it (a read that took the next record): then that value is returned, the flag still set, so nothing is lost.
 */
internal fun <T> CompletableFuture<T>.awaitBlocking(): T {
    try {
        return get()
    } catch (e: ExecutionException) {
        throw unwrap(e)
    } catch (e: InterruptedException) {
        return cancelForInterrupt(e, "interrupted while waiting for the driver; the operation was cancelled")
    } catch (e: CancellationException) {
        throw e
    }
}

/**
 * For a caller released by [interrupt]: cancels this future, waits (uninterruptibly, at most [CLEANUP_WAIT]) until
 * its coroutine's clean-up ended, restores the interrupt flag, and returns the value the operation had produced
 * before the cancellation reached it; when it had produced none, throws a [ClientException] with [message].
 */
internal fun <T> CompletableFuture<T>.cancelForInterrupt(interrupt: InterruptedException, message: String): T {
    cancel(true)
    val coroutine = this as? CoroutineFuture<T>
    coroutine?.job?.awaitEndUninterruptibly(CLEANUP_WAIT)
    Thread.currentThread().interrupt()
    val produced = if (coroutine != null && coroutine.job.isCompleted) coroutine.produced else NotProduced
    @Suppress("UNCHECKED_CAST")
    if (produced !== NotProduced) return produced as T
    throw ClientException(message, cause = interrupt)
}

/** Parks until this job ended or [bound] passed, ignoring (and then restoring) interrupts. */
internal fun Job.awaitEndUninterruptibly(bound: java.time.Duration) {
    val ended = CompletableFuture<Unit>()
    invokeOnCompletion { ended.complete(Unit) }
    val deadline = System.nanoTime() + bound.toNanos()
    var interrupted = false
    while (!ended.isDone) {
        val left = deadline - System.nanoTime()
        if (left <= 0) break
        try {
            ended.get(left, TimeUnit.NANOSECONDS)
        } catch (_: InterruptedException) {
            interrupted = true
        } catch (_: TimeoutException) {
            break
        }
    }
    if (interrupted) Thread.currentThread().interrupt()
}

/** The exception a user should see: [ExecutionException] and [CompletionException] wrappers peeled off. */
internal fun unwrap(t: Throwable): Throwable {
    var e = t
    while ((e is ExecutionException || e is CompletionException) && e.cause != null) e = e.cause!!
    return e
}

internal fun java.time.Duration.toKotlin(): kotlin.time.Duration = toKotlinDuration()

internal fun kotlin.time.Duration.toJava(): java.time.Duration =
    if (isInfinite()) ChronoUnitMax else toJavaDuration()

/** What an infinite Kotlin duration reads as in Java (`java.time.Duration` has no infinity). */
private val ChronoUnitMax: java.time.Duration = java.time.Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)

/** Reads a Java duration back, mapping the maximum (see [toJava]) to infinity. */
internal fun java.time.Duration.toKotlinOrInfinite(): kotlin.time.Duration =
    if (this == ChronoUnitMax) kotlin.time.Duration.INFINITE else toKotlinDuration()
