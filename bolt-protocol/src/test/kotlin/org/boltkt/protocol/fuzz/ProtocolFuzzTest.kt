package org.boltkt.protocol.fuzz

import com.code_intelligence.jazzer.api.FuzzedDataProvider
import com.code_intelligence.jazzer.junit.FuzzTest
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.chunk.ChunkReassembler
import org.boltkt.protocol.message.ResponseDecoder
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.value.ValueFormat
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities

/**
 * Hostile bytes from the network: the only exception that may come out of the reading side is
 * [BoltProtocolException] — no other type, no OutOfMemoryError or StackOverflowError, no hang.
 *
 * Without `JAZZER_FUZZ=1` each target runs once per input kept under `src/test/resources/…/ProtocolFuzzTestInputs/`
 * (the regression corpus, part of every build). With `JAZZER_FUZZ=1` Jazzer fuzzes one target, guided by coverage
 * (see docs/RELIABILITY.md for the command and the figures of the latest long runs).
 */
class ProtocolFuzzTest {
    /** The bytes a connection reads: split into arbitrary slices, reassembled, each message decoded as a response. */
    @FuzzTest(maxDuration = "60s")
    fun responseStream(data: FuzzedDataProvider) {
        val capabilities = Capabilities.of(VERSIONS[data.consumeInt(0, VERSIONS.lastIndex)])
        val slice = data.consumeInt(1, 4096)
        val stream = data.consumeRemainingAsBytes()
        val reassembler = ChunkReassembler(maxMessageSize = 1 shl 20)
        try {
            var at = 0
            while (at < stream.size) {
                val n = minOf(slice, stream.size - at)
                reassembler.feed(stream, at, n) { bytes, offset, length ->
                    ResponseDecoder.decode(bytes, capabilities, offset = offset, length = length)
                }
                at += n
            }
            reassembler.finish()
        } catch (_: BoltProtocolException) {
        }
    }

    /** One PackStream value in each value format, read by the reader and the value decoder. */
    @FuzzTest(maxDuration = "60s")
    fun packStreamValue(data: FuzzedDataProvider) {
        val format = FORMATS[data.consumeInt(0, FORMATS.lastIndex)]
        val bytes = data.consumeRemainingAsBytes()
        try {
            val reader = PackStreamReader(bytes)
            while (reader.hasRemaining()) ValueDecoder.read(reader, format)
        } catch (_: BoltProtocolException) {
        }
    }

    private companion object {
        val VERSIONS = listOf(
            BoltVersion.V3_0, BoltVersion.V4_1, BoltVersion.V4_4, BoltVersion.V5_0, BoltVersion(5, 4),
            BoltVersion(5, 7), BoltVersion.V5_8, BoltVersion(6, 0),
        )
        val FORMATS = listOf(ValueFormat.LEGACY_4, ValueFormat.BOLT_5, ValueFormat.BOLT_6)
    }
}
