package org.boltkt.protocol.message

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import org.boltkt.protocol.BoltProtocolException
import org.boltkt.protocol.packstream.PackStreamReader
import org.boltkt.protocol.testing.bytes
import org.boltkt.protocol.value.IntegerValue
import org.boltkt.protocol.value.StringValue
import org.boltkt.protocol.value.ValueDecoder
import org.boltkt.protocol.version.BoltVersion
import org.boltkt.protocol.version.Capabilities

/** The hook typed results use: a caller's RecordDecoder reads RECORD fields from the bytes; other messages are unchanged. */
class RecordDecoderSpec : FunSpec({
    val c = Capabilities.of(BoltVersion(5, 8))

    test("a RECORD goes to the record decoder; SUCCESS does not") {
        val sum = RecordDecoder { r, _ -> (0 until r.readListHeader()).sumOf { r.readInt() } }
        (ResponseDecoder.decode(bytes("B1 71 93 01 02 03"), c, recordDecoder = sum) as Response.DecodedRecord).row shouldBe 6L
        ResponseDecoder.decode(bytes("B1 70 A0"), c, recordDecoder = sum) shouldBe Response.Success(emptyMap())
    }

    test("a record decoder that leaves bytes unread is refused like any trailing bytes") {
        val lazy = RecordDecoder { r, _ -> r.readListHeader() }
        shouldThrow<BoltProtocolException> { ResponseDecoder.decode(bytes("B1 71 91 01"), c, recordDecoder = lazy) }
    }

    test("rewind reads the same bytes again; peekStructTag consumes nothing") {
        val r = PackStreamReader(bytes("92 01 81 61 B3 4E"))
        val start = r.position
        r.readListHeader(); r.readInt()
        r.rewind(start)
        ValueDecoder.readList(r, c.valueFormat, 0) shouldBe listOf(IntegerValue(1), StringValue("a"))
        r.peekStructTag() shouldBe 0x4E
        r.peekStructTag() shouldBe 0x4E
        shouldThrow<IllegalArgumentException> { r.rewind(r.position + 1) }
    }
})
