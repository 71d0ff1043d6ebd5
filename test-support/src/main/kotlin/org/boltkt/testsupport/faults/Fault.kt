package org.boltkt.testsupport.faults

/** Which way bytes travel through a [FaultProxy]. */
enum class Direction { TO_SERVER, TO_CLIENT }

/** A network fault a [FaultProxy] injects into one proxied connection. */
sealed interface Fault {
    /** Both sockets are closed with SO_LINGER 0: each peer sees a TCP reset (RST). */
    data object Reset : Fault

    /** Both sockets are closed normally: each peer sees end of stream (FIN). */
    data object Close : Fault

    /** Bytes in both directions are read and dropped; the sockets stay open, so peers see silence. */
    data object Blackhole : Fault

    /** Bytes in [direction] are held (not read further) until [FaultProxy.heal]; the other way flows. */
    data class Stall(val direction: Direction) : Fault

    /** Bytes in [direction] are forwarded at no more than [bytesPerSecond]. */
    data class Throttle(val direction: Direction, val bytesPerSecond: Long) : Fault {
        init { require(bytesPerSecond > 0) { "bytesPerSecond must be positive" } }
    }

    /** [bytes] more bytes are forwarded in [direction], then the connection is reset. */
    data class CutAfter(val direction: Direction, val bytes: Long) : Fault {
        init { require(bytes >= 0) { "bytes must not be negative" } }
    }

    /** One byte of the next bytes forwarded in [direction] is inverted (XOR 0xFF). */
    data class FlipByte(val direction: Direction) : Fault

    companion object {
        /** One of each kind, in both directions where a direction applies: the default menu for random injection. */
        val ALL: List<Fault> = listOf(Reset, Close, Blackhole) + Direction.entries.flatMap {
            listOf(Stall(it), Throttle(it, 64 * 1024), CutAfter(it, 100), FlipByte(it))
        }
    }
}
