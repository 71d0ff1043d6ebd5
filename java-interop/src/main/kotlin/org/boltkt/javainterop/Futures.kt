package org.boltkt.javainterop

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.future.future
import org.boltkt.client.error.ClientException
import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.ExecutionException
import kotlin.time.toJavaDuration
import kotlin.time.toKotlinDuration

// Glue shared by the facade: starting coroutines as futures, waiting for them without pinning a thread, converting
// durations. No driver logic lives here.

/**
 * Starts [block] as a coroutine of this scope and returns it as a future. The future completes with the block's
 * value or, exceptionally, with the *unwrapped* exception the block threw (kotlinx `future {}` does not wrap);
 * cancelling the future cancels the coroutine.
 */
internal fun <T> CoroutineScope.launchFuture(block: suspend CoroutineScope.() -> T): CompletableFuture<T> = future(block = block)

/** The same for work without a value: `CompletableFuture<Void>` in Java, completed with null. */
internal fun CoroutineScope.launchUnit(block: suspend CoroutineScope.() -> Unit): CompletableFuture<Void?> =
    future { block(); null }

/**
 * Waits for this future on the calling thread and returns its value, rethrowing the original exception (never an
 * [ExecutionException]/[CompletionException] wrapper).
 *
 * Uses [CompletableFuture.get], which parks the thread with `LockSupport.park`: no monitor is held, so a virtual
 * thread unmounts instead of pinning its carrier. When the waiting thread is interrupted, the future (and thus the
 * coroutine behind it) is cancelled, the interrupt flag is restored and a [ClientException] is thrown.
 */
internal fun <T> CompletableFuture<T>.awaitBlocking(): T {
    try {
        return get()
    } catch (e: ExecutionException) {
        throw unwrap(e)
    } catch (e: InterruptedException) {
        cancel(true)
        Thread.currentThread().interrupt()
        throw ClientException("interrupted while waiting for the driver; the operation was cancelled", cause = e)
    } catch (e: CancellationException) {
        throw e
    }
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
