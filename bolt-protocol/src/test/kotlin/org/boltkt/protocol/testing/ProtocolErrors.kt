package org.boltkt.protocol.testing

import io.kotest.assertions.fail
import org.boltkt.protocol.BoltProtocolException

/**
 * Runs [block] and returns the [BoltProtocolException] it threw. Fails if it returned normally or threw anything
 * else (including errors such as StackOverflowError), reporting [input] for reproduction.
 */
fun expectProtocolError(input: ByteArray, block: () -> Unit): BoltProtocolException {
    try {
        block()
    } catch (e: BoltProtocolException) {
        return e
    } catch (t: Throwable) {
        fail("expected BoltProtocolException for ${input.toHex().take(200)} but got $t")
    }
    fail("expected BoltProtocolException for ${input.toHex().take(200)} but decoding succeeded")
}
