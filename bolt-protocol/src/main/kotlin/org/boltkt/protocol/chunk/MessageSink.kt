package org.boltkt.protocol.chunk

/**
 * Receives each complete message a [ChunkReassembler] finds.
 *
 * Ownership: `bytes[offset until offset + length]` is only valid for the duration of the call. It is either a
 * view into the array the caller passed to [ChunkReassembler.feed] (a message that arrived as one whole chunk) or
 * into the reassembler's reusable buffer, which the next message overwrites. Decode it or copy it before
 * returning; never keep the array.
 */
public fun interface MessageSink {
    /** Called once per complete message, in arrival order; see the interface doc for how long the bytes live. */
    public fun onMessage(bytes: ByteArray, offset: Int, length: Int)
}
