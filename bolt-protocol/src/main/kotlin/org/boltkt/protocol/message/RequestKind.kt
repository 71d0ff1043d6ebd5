package org.boltkt.protocol.message

/**
 * The kind of a client request, independent of its payload. The connection state machine decides what is
 * allowed from kinds alone, so it needs no knowledge of message fields.
 */
public enum class RequestKind(public val signature: Int) {
    HELLO(0x01),
    LOGON(0x6A),
    LOGOFF(0x6B),
    TELEMETRY(0x54),
    GOODBYE(0x02),
    RESET(0x0F),
    RUN(0x10),
    BEGIN(0x11),
    COMMIT(0x12),
    ROLLBACK(0x13),
    DISCARD(0x2F),
    PULL(0x3F),
    ROUTE(0x66),
}
