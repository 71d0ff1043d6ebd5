package org.boltkt.protocol.packstream

/**
 * The core PackStream type a marker byte announces, as reported by [PackStreamReader.peekType]. [UUID] (marker
 * `0xE0`) belongs to the PackStream of Bolt 6.1+; whether a connection may carry it is the decoder's decision
 * ([org.boltkt.protocol.value.ValueFormat.uuids]).
 */
public enum class PackStreamType { NULL, BOOLEAN, INTEGER, FLOAT, BYTES, STRING, LIST, MAP, STRUCT, UUID }
